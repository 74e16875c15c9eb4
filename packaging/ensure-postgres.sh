#!/bin/sh
# Makes sure PostgreSQL's server programs are installed, for the test run against PostgreSQL.
# As root it installs Debian's postgresql package when missing; otherwise it says what to run.
# Exit 0: the server programs are there. Exit 1: not installable here (the caller skips the run).
set -eu
have() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; }
have && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing PostgreSQL for the test run (apt-get install postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # Debian's package would start a system cluster; policy-rc.d stops that (tests start their own).
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null || { rm -f /usr/sbin/policy-rc.d; exit 1; }
  rm -f /usr/sbin/policy-rc.d
  have && exit 0
fi
echo "PostgreSQL is not installed and cannot be installed here: sudo apt-get install postgresql"
exit 1
