#!/bin/sh
# Rebuilds the rpm database fixtures with Debian's rpm 4.18 (sqlite backend) and BerkeleyDB 5.3 tools:
#   apt-get install -y rpm gnupg db-util sqlite3
# then run this script from its own directory. The packages are empty: only their headers matter.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for spec in openssl tzdata; do
    rpmbuild --define "_topdir $work" --target x86_64 -bb "$spec.spec" >/dev/null
done
mkdir "$work/db"
rpm --define '_db_backend sqlite' --dbpath "$work/db" --initdb
rpm -i --nodeps --justdb --ignorearch --ignoreos --define '_db_backend sqlite' --dbpath "$work/db" \
    "$work"/RPMS/x86_64/*.rpm "$work"/RPMS/noarch/*.rpm
# A signing key in the database is stored as a gpg-pubkey pseudo-package, which the analyzer must skip.
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --passphrase '' --quick-gen-key 'Bulwark Fixtures <fixtures@bulwark.invalid>' rsa2048 sign never
gpg --armor --export fixtures@bulwark.invalid > "$work/key.asc"
rpm --define '_db_backend sqlite' --dbpath "$work/db" --import "$work/key.asc"
cp "$work/db/rpmdb.sqlite" ../happy/rpmdb.sqlite

# Sad: the same database with the openssl-libs header cut to 40 bytes, and only the Packages table kept.
rm -f ../sad/corrupt-header.sqlite
cp "$work/db/rpmdb.sqlite" ../sad/corrupt-header.sqlite
sqlite3 ../sad/corrupt-header.sqlite "update Packages set blob = substr(blob, 1, 40) where hnum = 2"
sqlite3 ../sad/corrupt-header.sqlite "select name from sqlite_master where type = 'table' and name not in ('Packages', 'sqlite_sequence')" |
    while read -r table; do sqlite3 ../sad/corrupt-header.sqlite "drop table \"$table\""; done
sqlite3 ../sad/corrupt-header.sqlite vacuum

# Sad: a real BerkeleyDB hash database, as RHEL 8 and older keep at var/lib/rpm/Packages.
rm -f ../sad/Packages
printf 'bulwark\nfixture\n' | db_load -t hash -T ../sad/Packages
