#!/bin/sh
# Install First Workflow for the current user: no root, no network, no Python.
#
#   ./install.sh              install, or replace an earlier version
#   ./install.sh --uninstall  remove what install.sh put in place (workshop files stay)
#
# Run it from the unpacked folder. It puts the program in ~/.local/lib/first-workflow, a
# command in ~/.local/bin, a menu entry, the icon, and the .workshop file type (so that a
# double-click on a workshop file opens it) under ${XDG_DATA_HOME:-~/.local/share}.
set -eu

APP=first-workflow
MIME=application/x-first-workflow-workshop
# The newest glibc any library in the bundle asks for (the build machine's, Debian 12's);
# tests/packaging/test_bundle.py reads the bundle's binaries and checks this line.
NEEDS_GLIBC=2.36

fail() {
    printf 'install.sh: %s\n' "$1" >&2
    exit 1
}

[ -n "${HOME:-}" ] || fail "HOME is not set; run this as the user who will use the app"
here=$(cd "$(dirname "$0")" && pwd -P)
data=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}
lib=$HOME/.local/lib/$APP
bin=$HOME/.local/bin
desktop=$data/applications/$APP.desktop
icons=$data/icons/hicolor

# Refresh the desktop's caches, where the tools exist (a desktop without them rereads the
# folders on its own).
refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache --force --ignore-theme-index "$icons" >/dev/null 2>&1 || true
    fi
}

forget_default() {
    list=$config/mimeapps.list
    [ -f "$list" ] || return 0
    grep -v "^$MIME=$APP.desktop" "$list" >"$list.$$" || true
    mv "$list.$$" "$list"
}

uninstall() {
    rm -rf "$lib"
    rm -f "$desktop" "$data/mime/packages/$APP.xml"
    for size in 256x256/apps/$APP.png scalable/apps/$APP.svg \
        256x256/mimetypes/application-x-$APP-workshop.png \
        scalable/mimetypes/application-x-$APP-workshop.svg; do
        rm -f "$icons/$size"
    done
    if [ -L "$bin/workshop-app" ] && [ "$(readlink "$bin/workshop-app")" = "$lib/workshop-app" ]; then
        rm -f "$bin/workshop-app"
    fi
    forget_default
    refresh
    echo "First Workflow is uninstalled. Workshop files were not touched."
}

case "${1:-}" in
    "") ;;
    --uninstall) uninstall; exit 0 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option '$1' (use --uninstall, or no option to install)" ;;
esac

[ -x "$here/workshop-app" ] && [ -d "$here/_internal" ] ||
    fail "run install.sh from the unpacked First Workflow folder (workshop-app is missing next to it)"
[ "$(uname -m)" = x86_64 ] || fail "this build is for x86_64 Linux; this machine is $(uname -m)"
case "$lib" in
    *'"'* | *'`'* | *'$'* | *'\'*) fail "the home folder's path has a character a menu entry cannot hold: $HOME" ;;
esac

# The program must start here before anything is installed: an old system says so now, not
# on the first double-click.
glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | sed -n 's/^glibc //p')
if [ -n "$glibc" ] && ! printf '%s\n%s\n' "$NEEDS_GLIBC" "$glibc" | sort -V -C; then
    fail "First Workflow needs glibc $NEEDS_GLIBC or newer (Debian 12, Ubuntu 24.04, Fedora 37 and later); this system has $glibc"
fi
if ! version=$("$here/workshop-app" --version 2>"${TMPDIR:-/tmp}/$APP-install.$$"); then
    reason=$(grep -v '^$' "${TMPDIR:-/tmp}/$APP-install.$$" | head -n 1)
    rm -f "${TMPDIR:-/tmp}/$APP-install.$$"
    fail "First Workflow cannot run on this system: ${reason:-no reason given}"
fi
rm -f "${TMPDIR:-/tmp}/$APP-install.$$"

# The program: copied whole next to the old one, then swapped in.
mkdir -p "$(dirname "$lib")" "$bin"
if [ "$here" != "$lib" ]; then
    rm -rf "$lib.new" "$lib.old"
    cp -a "$here" "$lib.new"
    [ ! -e "$lib" ] || mv "$lib" "$lib.old"
    mv "$lib.new" "$lib"
    rm -rf "$lib.old"
fi
ln -sfn "$lib/workshop-app" "$bin/workshop-app"

# The menu entry, pointing at the installed program (a desktop session may not have
# ~/.local/bin on its PATH).
mkdir -p "$(dirname "$desktop")"
while IFS= read -r line; do
    case $line in
        Exec=*) printf 'Exec="%s" %%f\n' "$lib/workshop-app" ;;
        TryExec=*) printf 'TryExec=%s\n' "$lib/workshop-app" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$lib/share/applications/$APP.desktop" >"$desktop.$$"
mv "$desktop.$$" "$desktop"

# The icon, for the app and for its files; the file type itself.
for kind in apps mimetypes; do
    name=$APP
    [ "$kind" = apps ] || name=application-x-$APP-workshop
    mkdir -p "$icons/256x256/$kind" "$icons/scalable/$kind"
    cp "$lib/share/icons/hicolor/256x256/apps/$APP.png" "$icons/256x256/$kind/$name.png"
    cp "$lib/share/icons/hicolor/scalable/apps/$APP.svg" "$icons/scalable/$kind/$name.svg"
done
mkdir -p "$data/mime/packages"
cp "$lib/share/mime/packages/$APP.xml" "$data/mime/packages/$APP.xml"

refresh
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$APP.desktop" "$MIME" >/dev/null 2>&1 || true
fi

echo "Installed First Workflow ${version#workshop-app } in $lib."
echo "Open First Workflow from the applications menu, or double-click a .workshop file."
case ":${PATH:-}:" in
    *":$bin:"*) echo "From a terminal: workshop-app" ;;
    *) echo "From a terminal: $bin/workshop-app" ;;
esac
