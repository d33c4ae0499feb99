;; Run by tests/editors.test.ts after the README's eglot snippet: open $ARTICLE, start eglot as
;; `text-mode-hook` does after a command, wait for the diagnostics, print them, quit.
(setq eglot-sync-connect t)
(find-file (getenv "ARTICLE"))
(run-hooks 'post-command-hook)
(let ((deadline (+ (float-time) 20)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.1)))
(dolist (d (flymake-diagnostics))
  (princ (format "%d:%d %s\n" (line-number-at-pos (flymake-diagnostic-beg d))
                 (save-excursion (goto-char (flymake-diagnostic-beg d)) (1+ (current-column)))
                 (flymake-diagnostic-text d))))
(kill-emacs 0)
