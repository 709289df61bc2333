#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keychain
# tests talk to a real Secret Service. Nested calls (already inside one) just run the command.
if [ -n "$ORCW_KEYRING_SESSION" ]; then
  exec "$@"
fi
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-keyring: dbus-run-session or gnome-keyring-daemon missing (apt-get install dbus-x11 gnome-keyring libsecret-tools)" >&2
  exit 1
fi
export ORCW_KEYRING_SESSION=1
# A throwaway keyring home, so tests never touch a developer's real keyring.
KEYRING_HOME=$(mktemp -d)
export XDG_DATA_HOME="$KEYRING_HOME/data" XDG_RUNTIME_DIR_FALLBACK="$KEYRING_HOME/run"
mkdir -p "$XDG_DATA_HOME"
exec dbus-run-session -- sh -c 'echo -n orcw-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "$@"' with-keyring "$@"
