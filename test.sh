#!/usr/bin/env bash
# Runs every test project and ends with one line: "N passed, N failed" (", N skipped" when any were skipped).
# Installs and starts what the tests need first; today that is only the .NET SDK, which must be on PATH.
set -uo pipefail
cd "$(dirname "$0")"

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK 10 is not on PATH (see README, Prerequisites)." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== build"
if ! dotnet build FlowCenter.sln --nologo -v quiet -clp:ErrorsOnly; then
  echo "test.sh: the build failed." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; skipped=0; skip_lines=()
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test "$project" --no-build --nologo -v quiet \
    --blame-hang-timeout 10m \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || true
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "test.sh: $name produced no results (crashed?)." >&2
    failed=$((failed + 1))
    continue
  fi
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  not_run=$(( $(count total) - $(count executed) ))
  skipped=$((skipped + not_run))
  if [ "$not_run" -gt 0 ]; then
    # Each skipped test with the reason xUnit gives for it.
    while IFS= read -r line; do skip_lines+=("$line"); done < <(awk '
      /<UnitTestResult / && /outcome="NotExecuted"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1; next }
      want && /<Message>/ { gsub(/.*<Message>|<\/Message>.*/, ""); print "  skipped: " name " (" $0 ")"; want = 0 }
      want && /<\/UnitTestResult>/ { print "  skipped: " name " (no reason given)"; want = 0 }' "$trx")
  fi
done

for line in "${skip_lines[@]+"${skip_lines[@]}"}"; do echo "$line"; done
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
