-- Run by tests/editors.test.ts after the README's Neovim snippet: open $ARTICLE, wait for
-- factcheck's diagnostics, print them as LINE:COLUMN MESSAGE, quit.
vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('ARTICLE')))
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format('%d:%d %s\n', d.lnum + 1, d.col + 1, d.message))
end
vim.cmd('qa!')
