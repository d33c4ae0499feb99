#!/usr/bin/env bash
# Exercise .pre-commit-hooks.yaml with the pre-commit framework itself (Debian's `pre-commit`),
# as a newsroom would use it: a temporary git repository whose .pre-commit-config.yaml names a
# local clone of this repository at a commit. pre-commit builds the hook's node environment
# (`npm install` of that clone, which builds through `prepare`, then `npm pack` and a global
# install of the package), then runs `factcheck` on the files it is given.
#
# The clone is of this checkout *as it is on disk*: tracked and untracked files that git does not
# ignore are copied over the clone and committed there (pre-commit needs a commit to point
# `rev:` at), so uncommitted work is checked too. Nothing is written to this checkout.
#
# Checks: `pre-commit run --files` fails on seed 004 with factcheck's messages (and does not pass
# notes.json) and passes a clean article; after `pre-commit install`, `git commit` of seed 004 is
# refused and that of the clean article goes through.
# Needs: git, node and npm, pre-commit, and the npm registry. Run by .ci/run after `npm test`.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/factcheck-pre-commit.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Only what this script sets: no hook environment of a calling hook, no user or system git config.
unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_OBJECT_DIRECTORY
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME='pre-commit check' GIT_AUTHOR_EMAIL='check@example.com'
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
# A fresh cache, so the hook environment is really built from the clone.
export PRE_COMMIT_HOME="$work/cache"

say() { printf 'pre-commit-check: %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }

command -v pre-commit >/dev/null || fail 'pre-commit is not installed (apt-get install -y pre-commit)'
say "$(pre-commit --version), node $(node --version), npm $(npm --version 2>/dev/null)"

# 1. This checkout as it is on disk, committed in a clone.
clone="$work/factcheck"
git clone -q --no-hardlinks "$here" "$clone"
(cd "$here" && git ls-files -z --cached --others --exclude-standard) |
  while IFS= read -r -d '' file; do
    if [ -e "$here/$file" ] || [ -L "$here/$file" ]; then
      mkdir -p "$clone/$(dirname "$file")"
      cp -a "$here/$file" "$clone/$file"
    else
      rm -f "$clone/$file"
    fi
  done
git -C "$clone" add -A
if [ -n "$(git -C "$clone" status --porcelain)" ]; then
  git -C "$clone" commit -q -m 'pre-commit check: the working tree as it is on disk'
fi
rev="$(git -C "$clone" rev-parse HEAD)"
say "hook repository: $clone at $rev"

# 2. A newsroom repository using it.
desk="$work/desk"
git init -q "$desk"
cat >"$desk/.pre-commit-config.yaml" <<YAML
default_language_version:
  node: system
repos:
  - repo: $clone
    rev: $rev
    hooks:
      - id: factcheck
YAML
cp "$here/articles/004_dd9860ece21027d1.txt" "$desk/story.txt"
# A short clean article: rules added later have little to say about it.
cat >"$desk/clean.txt" <<'TEXT'
Pakistan's prime minister, Shahid Khaqan Abbasi, met the US defence secretary, Jim Mattis, in Islamabad on Monday.

The two men discussed security on the Afghan border, according to a statement from the prime minister's office.
TEXT
printf '{"the the": true}\n' >"$desk/notes.json"
git -C "$desk" add -A

run() { (cd "$desk" && pre-commit run --color never "$@") >"$work/out" 2>&1; }

# 3. Seed 004: refused, with factcheck's messages. (The first run builds the environment.)
if run --files story.txt notes.json; then cat "$work/out"; fail 'seed 004 passed the hook'; fi
cat "$work/out"
grep -q 'repeated-paragraph' "$work/out" || fail 'no repeated-paragraph message in the output'
grep -q '33:1-33:114' "$work/out" || fail 'the copy at line 33 is not reported'
grep -q 'notes.json' "$work/out" && fail 'notes.json was passed to factcheck'

# 4. A clean article passes.
run --files clean.txt || { cat "$work/out"; fail 'the clean article was refused'; }
cat "$work/out"

# 5. As a git hook: `pre-commit install`, then a commit of seed 004 is refused.
(cd "$desk" && pre-commit install >/dev/null)
if git -C "$desk" commit -q -m 'Add the story' >"$work/out" 2>&1; then cat "$work/out"; fail 'the commit of seed 004 went through'; fi
grep -q 'repeated-paragraph' "$work/out" || { cat "$work/out"; fail 'the refused commit did not show the messages'; }
git -C "$desk" rm -q --cached story.txt
git -C "$desk" commit -q -m 'Add the clean story' >"$work/out" 2>&1 || { cat "$work/out"; fail 'the commit of the clean article was refused'; }

say 'ok: seed 004 refused (pre-commit run --files, and git commit through pre-commit install); a clean article passed'
