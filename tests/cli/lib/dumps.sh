# Dump helpers shared by the audit tests; source after common.sh. Not a test itself.
#
# make_fixture_multistream PREFIX PARTS: a dump of the fixtures (PREFIX.xml, PREFIX.titles,
# PREFIX.parts/) and, from its parts, a multistream file cut at pages as Wikimedia cuts theirs
# ($T/ms.xml.bz2, one bz2 stream a part) with its index ($T/ms-index.txt and .txt.bz2).
make_fixture_multistream() {
  "$PY" tests/cli/audit_make_dump.py "$1" fixtures --min-pages 250 --parts "$2" --extras
  : > "$T/ms.xml.bz2"
  : > "$T/ms-index.txt"
  local part off
  for part in "$1".parts/part-*.xml; do
    off=$(stat -c %s "$T/ms.xml.bz2")
    bzip2 -c "$part" >> "$T/ms.xml.bz2"
    grep -o '<title>[^<]*</title>' "$part" | sed 's/<[^>]*>//g' | sed "s/^/$off:0:/" >> "$T/ms-index.txt"
  done
  bzip2 -k "$T/ms-index.txt"
}

# The shared dumps' folder (../shared/corpus/dumps), or a folder that does not exist when
# WIKIVET_TEST_FIXTURE_DUMPS_ONLY=1: .ci/run sets it for the second, sanitizer run of the slow
# audit tests (ctest label slow-audit), which then cover the fixtures' dump only.
shared_dumps_dir() {
  if [ "${WIKIVET_TEST_FIXTURE_DUMPS_ONLY:-0}" = 1 ]; then
    echo "$REPO/../shared/corpus/dumps (not used: WIKIVET_TEST_FIXTURE_DUMPS_ONLY=1)"
  else
    echo "$REPO/../shared/corpus/dumps"
  fi
}
