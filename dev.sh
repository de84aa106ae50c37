#!/usr/bin/env bash
# Set-up and entry points for a fresh Debian machine (Python 3.11, run as root or with sudo).
#   bash dev.sh run    install what is missing, check sample_docs/, export JSON
#   bash dev.sh test   install what is missing (with test extras), run the tests
#   bash dev.sh lint   install what is missing (with test extras), ruff (lint, format check) and mypy
#   bash dev.sh check-venv   say whether .venv works in this checkout (exit 0) or must be rebuilt (exit 1)
#   bash dev.sh venv         create .venv, or rebuild it when it no longer works here (no packages)
# Idempotent: a second call installs nothing and prints nothing about installing. A .venv that no longer
# works here (checkout moved or copied, its Python removed or upgraded) is rebuilt, not used.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
APT_PACKAGES=(tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng tesseract-ocr-osd fonts-dejavu-core)
APT_TEST_PACKAGES=(chromium chromium-driver)  # real headless browser for the report and review-page tests

say() { printf '%s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        say "Perlu hak root untuk memasang paket Debian: $*"; exit 2; fi
}

missing_apt_packages() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || printf '%s\n' "$pkg"
    done
}

ensure_debian_packages() {
    local missing
    missing=$(missing_apt_packages "$@")
    [ -z "$missing" ] && return 0
    say "Memasang paket Debian: $(echo $missing)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# Why .venv cannot be used in this checkout (one line, Bahasa Indonesia); nothing and status 1 when it can,
# or when there is none. A venv is tied to its path: its scripts' shebangs, pyvenv.cfg and the editable
# install of this project name the folder it was made in, and bin/python names the Python it was made from.
venv_problem() {
    [ -e "$VENV" ] || [ -L "$VENV" ] || return 1
    local here real cfg facts prefix version origin made_in script
    here="$(pwd -P)"
    real="$(realpath -m -- "$VENV")"  # the same as $here/$VENV unless .venv is a symlink to elsewhere
    cfg="$VENV/pyvenv.cfg"
    [ -f "$cfg" ] || { echo "berkas $cfg tidak ada"; return 0; }
    # -I: no current folder on sys.path, so `spbe` is found only through what is installed in the venv
    if ! facts=$("$VENV/bin/python" -I -c 'import importlib.util as u, os, sys
s = u.find_spec("spbe")
print(os.path.realpath(sys.prefix)); print("%d.%d" % sys.version_info[:2])
print(os.path.dirname(os.path.dirname(os.path.realpath(s.origin))) if s and s.origin else "")' 2>/dev/null); then
        echo "Python-nya tidak dapat dijalankan lagi (dihapus atau dipindah)"
        return 0
    fi
    { read -r prefix; read -r version; read -r origin; } <<<"$facts"
    [ "$prefix" = "$real" ] || { echo "dipakai dari lokasi lain ($prefix)"; return 0; }
    made_in=$(sed -n 's/^version *= *\([0-9]*\.[0-9]*\).*/\1/p' "$cfg")
    if [ -n "$made_in" ] && [ "$made_in" != "$version" ]; then
        echo "dibuat untuk Python $made_in, sedangkan Python-nya kini $version"
        return 0
    fi
    made_in=$(sed -n 's/^command *= *//p' "$cfg")  # "<python> -m venv [options] <absolute path>" (3.11+)
    if [ -n "$made_in" ] && [ "${made_in% "$here/$VENV"}" = "$made_in" ] && [ "${made_in% "$real"}" = "$made_in" ] \
        && [ "$(realpath -m -- "${made_in##* }")" != "$real" ]; then
        echo "dibuat di folder lain (${made_in##* }); folder proyek telah dipindah atau disalin"
        return 0
    fi
    for script in "$VENV/bin/pip" "$VENV/bin/spbe"; do
        [ -f "$script" ] && [ "$(head -c 2 "$script")" = "#!" ] || continue
        head -c 1024 "$script" | grep -qF -e "$here/$VENV/bin/python" -e "$real/bin/python" && continue
        echo "skrip $script menjalankan Python di lokasi lain; folder proyek telah dipindah atau disalin"
        return 0
    done
    if [ -n "$origin" ] && [ "$origin" != "$here" ]; then
        echo "paket proyek terpasang dari folder lain ($origin)"
        return 0
    fi
    return 1
}

ensure_venv() {
    local problem
    if problem=$(venv_problem); then
        say "Virtualenv $VENV tidak dapat dipakai lagi: $problem. Dibuat ulang."
        rm -rf "$VENV"
    fi
    [ -x "$VENV/bin/python" ] && return 0
    say "Membuat virtualenv $VENV"
    if ! python3 -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        ensure_debian_packages python3-venv
        python3 -m venv "$VENV"
    fi
}

# The exact versions the tests last passed with (see the file's header to regenerate): a fresh machine
# installs what was tested, not whatever PyPI published since.
CONSTRAINTS=constraints.txt

install_stamp() {  # what the installed packages were made from: the project's requirements and their pins
    cat pyproject.toml "$CONSTRAINTS" | sha256sum | cut -c1-16
}

ensure_python_packages() {  # $1: extras ("" or "test")
    local extras=$1 stamp
    stamp="$VENV/.installed-$(install_stamp)-${extras:-base}"
    [ -f "$stamp" ] && return 0
    say "Memasang paket Python${extras:+ ($extras)}"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check uv >/dev/null 2>&1 || true
    local target="."
    [ -n "$extras" ] && target=".[$extras]"
    if [ -x "$VENV/bin/uv" ]; then
        # uv is ~4x faster than pip here; compiled bytecode halves `import prefect` (measured-baselines.md)
        "$VENV/bin/uv" pip install -q --python "$VENV/bin/python" --compile-bytecode -c "$CONSTRAINTS" -e "$target"
    else
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check -c "$CONSTRAINTS" -e "$target"
    fi
    rm -f "$VENV"/.installed-*
    touch "$stamp"
    [ -z "$extras" ] || touch "$VENV/.installed-$(install_stamp)-base"
}

export PREFECT_SERVER_ANALYTICS_ENABLED=false

case "${1:-}" in
    run)
        ensure_debian_packages "${APT_PACKAGES[@]}"
        ensure_venv
        ensure_python_packages ""
        mkdir -p out
        "$VENV/bin/spbe" run sample_docs --db out/sample_docs.duckdb --region "Kota Sukamaju" --year 2025 \
            --claims sample_docs.claims.csv
        "$VENV/bin/spbe" export --db out/sample_docs.duckdb --json out/sample_docs.json
        "$VENV/bin/spbe" report --db out/sample_docs.duckdb --out out/laporan.html
        say "Hasil: out/sample_docs.duckdb (DuckDB), out/sample_docs.json (ekspor JSON), out/laporan.html (laporan)."
        say "Halaman tinjauan: .venv/bin/spbe ui --db out/sample_docs.duckdb  (http://127.0.0.1:8080)"
        ;;
    test)
        shift
        ensure_debian_packages "${APT_PACKAGES[@]}" "${APT_TEST_PACKAGES[@]}"
        ensure_venv
        ensure_python_packages test
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    lint)
        ensure_venv
        ensure_python_packages test
        "$VENV/bin/ruff" check .
        "$VENV/bin/ruff" format --check .
        "$VENV/bin/mypy"
        ;;
    check-venv)
        if problem=$(venv_problem); then
            say "Virtualenv $VENV tidak dapat dipakai: $problem. «bash dev.sh venv» (atau run/test/lint) membuatnya ulang."
            exit 1
        elif [ ! -d "$VENV" ]; then
            say "Virtualenv $VENV belum ada. «bash dev.sh venv» (atau run/test/lint) membuatnya."
            exit 1
        fi
        say "Virtualenv $VENV dapat dipakai."
        ;;
    venv)
        ensure_venv
        ;;
    *)
        say "Pemakaian: bash dev.sh run | bash dev.sh test [argumen pytest] | bash dev.sh lint | bash dev.sh check-venv | bash dev.sh venv"
        exit 2
        ;;
esac
