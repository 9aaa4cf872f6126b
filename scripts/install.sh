#!/bin/sh
# Installs dossier and its default rule pack under PREFIX (default /usr/local):
#   PREFIX/bin/dossier
#   PREFIX/share/dossier/Rules/jining-archives/   (found by dossier next to itself, from any folder)
#   PREFIX/share/dossier/Samples/dossiers/        (the samples the pack's self-tests name)
#
# Usage: scripts/install.sh [PREFIX]
# Builds a release binary (swift build -c release) unless DOSSIER_BINARY names one already built.
set -eu

prefix="${1:-/usr/local}"
root="$(cd "$(dirname "$0")/.." && pwd)"

if [ -n "${DOSSIER_BINARY:-}" ]; then
    binary="$DOSSIER_BINARY"
else
    (cd "$root" && swift build -c release --product dossier)
    binary="$root/.build/release/dossier"
fi
if [ ! -x "$binary" ]; then
    echo "install.sh: no executable at $binary" >&2
    exit 1
fi

share="$prefix/share/dossier/Rules"
mkdir -p "$prefix/bin" "$share"
# Replace the pack whole, so rules removed from the source do not linger.
rm -rf "$share/jining-archives.new"
cp -R "$root/Rules/jining-archives" "$share/jining-archives.new"
rm -rf "$share/jining-archives"
mv "$share/jining-archives.new" "$share/jining-archives"
# The pack names its samples as ../../Samples/dossiers: the same place relative to the pack.
samples="$prefix/share/dossier/Samples"
rm -rf "$samples/dossiers.new"
mkdir -p "$samples"
cp -R "$root/Samples/dossiers" "$samples/dossiers.new"
rm -rf "$samples/dossiers"
mv "$samples/dossiers.new" "$samples/dossiers"
cp "$binary" "$prefix/bin/dossier.new"
chmod 755 "$prefix/bin/dossier.new"
mv "$prefix/bin/dossier.new" "$prefix/bin/dossier"

echo "installed $prefix/bin/dossier and the rule pack $share/jining-archives"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "add $prefix/bin to PATH to run 'dossier' by name" ;;
esac
