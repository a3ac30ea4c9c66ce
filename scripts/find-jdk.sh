# Sourced by ./spaprov and ./test: sets JAVA_HOME to a JDK >= 21.
# Order: $JAVA_HOME if it is >= 21, else the newest JDK >= 21 under /usr/lib/jvm.
spaprov_jdk_major() { # prints the major version of the JDK at $1, or 0
  local rel="$1/release" v
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || { echo 0; return; }
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel" 2>/dev/null)
  echo "${v:-0}"
}
spaprov_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(spaprov_jdk_major "$JAVA_HOME")" -ge 21 ]; then return 0; fi
  local best="" bestv=0 d v
  for d in /usr/lib/jvm/*; do
    [ -d "$d" ] || continue
    v=$(spaprov_jdk_major "$d")
    if [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ]; then best="$d"; bestv="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "spaprov: no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
spaprov_find_jdk || exit 2
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava calls sun.misc.Unsafe; JDK 23+ warns about it on every build.
if [ "$(spaprov_jdk_major "$JAVA_HOME")" -ge 23 ]; then
  case "${MAVEN_OPTS:-}" in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
