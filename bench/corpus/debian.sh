#!/bin/sh
# bench/corpus/debian.sh [DEST] - the Debian part of the real-world revision
# corpus: Alembic histories that Debian 12 packages ship (OpenStack services,
# Mailman 3, JupyterHub, Gertty, Rally, Optuna, Libervia, Buildbot), fetched
# with the ordinary client (`apt-get download PKG=VERSION`, nothing installed),
# unpacked with dpkg-deb, and every revision file (a .py with a module-level
# `revision` or `down_revision` assignment and a `def upgrade`) copied to
# DEST/debian__PKG/<path inside the package> (default /work/corpus).
# Public code: DEST is never inside the repository.  Prints manifest rows
# (source, path, sha256) on stdout; bench/corpus/manifest.tsv holds the rows
# of the corpus that was measured.  Needs network access to Debian's archive:
# run by hand, never in CI.
set -eu
DEST=${1:-/work/corpus}
LIST="$(dirname "$0")/debian.list"
W=$(mktemp -d "${TMPDIR:-/tmp}/alembic-corpus.XXXXXX")
trap 'rm -rf "$W"' EXIT
grep -v '^#' "$LIST" | while read -r pkg ver; do
	[ -n "$pkg" ] || continue
	(cd "$W" && apt-get download -q "$pkg=$ver" >/dev/null 2>&1) ||
		{ echo "corpus: cannot download $pkg=$ver" >&2; continue; }
	mkdir -p "$W/x/$pkg"
	dpkg-deb -x "$W/${pkg}_"*.deb "$W/x/$pkg"
	(cd "$W/x/$pkg" && grep -rlE --include='*.py' '^(down_revision|revision) *[:=]' . |
		sort | while read -r f; do
			grep -q '^def upgrade' "$f" || continue
			p=${f#./}
			mkdir -p "$DEST/debian__$pkg/$(dirname "$p")"
			cp "$f" "$DEST/debian__$pkg/$p"
			printf 'debian:%s=%s\t%s\t%s\n' "$pkg" "$ver" "$p" "$(sha256sum <"$f" | cut -c1-64)"
		done)
done
