# Installing Debian packages when a script needs them; sourced by the install scripts.
# apt_install waits for the dpkg lock (another apt or unattended-upgrades may hold it)
# instead of failing at once.

apt_install() {
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    local wait="-o DPkg::Lock::Timeout=600"
    $sudo apt-get $wait update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get $wait install -y -qq --no-install-recommends "$@" >/dev/null
}
