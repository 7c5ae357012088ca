#!/usr/bin/env bash
# Builds the workstation with Maven and packages it with jpackage: an app-image, then this system's installer
# (.deb on Linux, .msi on Windows from Git Bash, .dmg on macOS). Output: installers/target/jpackage/out.
#
#   installers/build.sh              app-image and installer
#   installers/build.sh app-image    the app-image only
#
# Needs JDK 25 (JAVA_HOME, or found by its folder name) and Maven; for the .deb also fakeroot and dpkg-deb
# (apt-get install -y fakeroot binutils), for the .msi the WiX Toolset. See installers/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"

# JDK 25: JAVA_HOME if it is one, else the first JDK 25 under the usual JVM folders.
if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -q 'version "25'; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/jdk-25* \
                   /Library/Java/JavaVirtualMachines/*-25*/Contents/Home "/c/Program Files/Eclipse Adoptium"/jdk-25*; do
    if [ -x "$candidate/bin/jpackage" ]; then JAVA_HOME="$candidate"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "${JAVA_HOME}/bin/jpackage" ]; then
  echo "no JDK 25 with jpackage found: set JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# The version of the root pom (the first <version> in it); jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0.
project_version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
app_version="${project_version%%-*}"

seconds() { date +%s; }
started=$(seconds)
echo "== Maven: app and its libraries into installers/target/jpackage"
mvn -B -q -pl installers -am package -DskipTests
built=$(seconds)

work=installers/target/jpackage
out="$work/out"
rm -rf "$out"
mkdir -p "$out"

case "$(uname -s)" in
  Linux*) system=linux; installer=deb ;;
  Darwin*) system=macos; installer=dmg ;;
  MINGW*|MSYS*|CYGWIN*) system=windows; installer=msi ;;
  *) echo "unknown system $(uname -s)" >&2; exit 1 ;;
esac

# The app runs from the class path; JavaFX and the JDK modules it needs are linked into the runtime image.
# java.se plus what the libraries use beyond it (Unsafe for Netty and Agrona, com.sun.management for metrics, ...).
modules="javafx.controls,javafx.fxml,javafx.swing,java.se,jdk.unsupported,jdk.management,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.zipfs,jdk.charsets,jdk.localedata,jdk.net,jdk.naming.dns,jdk.jfr"
common=(
  --name OrderbookWorkstation
  --app-version "$app_version"
  --vendor "Orderbook Workstation"
  --description "A desktop trading workstation with an embedded order-matching server"
  --copyright "Orderbook Workstation contributors"
)

echo "== jpackage: app-image ($system)"
icon=assets/icon/orderbook-workstation-256.png
[ "$system" = windows ] && icon=assets/icon/orderbook-workstation.ico
[ "$system" = macos ] && icon=assets/icon/orderbook-workstation.icns
jpackage --type app-image "${common[@]}" \
  --input "$work/input" \
  --main-jar "app-$project_version.jar" \
  --main-class io.orderbook.app.Launcher \
  --module-path "$work/javafx" \
  --add-modules "$modules" \
  --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" \
  --icon "$icon" \
  --dest "$out"
imaged=$(seconds)
image="$out/OrderbookWorkstation"
[ "$system" = macos ] && image="$out/OrderbookWorkstation.app"
echo "app-image: $image ($(du -sh "$image" | cut -f1)) in $((imaged - built)) s"

if [ "$what" != app-image ]; then
  echo "== jpackage: $installer"
  jpackage --type "$installer" "${common[@]}" --app-image "$image" --dest "$out" "@installers/$system/jpackage.options"
  packaged=$(seconds)
  for file in "$out"/*."$installer"; do
    echo "$installer: $file ($(du -h "$file" | cut -f1)) in $((packaged - imaged)) s"
  done
fi
echo "Maven $((built - started)) s, total $(($(seconds) - started)) s"
