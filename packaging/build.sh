#!/usr/bin/env bash
# `./cesta package`: the installed Cesta, built on this machine for this OS (jpackage cannot cross-build).
#   1. the service frozen with PyInstaller (one folder, no Python needed where it runs);
#   2. jpackage's input folder: the desktop jar, its dependency jars, native libraries unpacked
#      next to them (so nothing is unpacked into the user's home or /tmp at run time), the service;
#   3. jpackage @jpackage.cfg: the app image (jlink'd runtime with only the modules needed), then the
#      native installer from that image (.deb here; packaging/windows/msi.cfg, packaging/macos/dmg.cfg).
# Called by ./cesta after setup; expects ROOT, PY and the desktop jar built.
set -euo pipefail
ROOT="${ROOT:?}"
PY="${PY:?}"
TARGET="$ROOT/desktop/target/package"
INPUT="$TARGET/input"
say() { printf '\033[1mpackage:\033[0m %s\n' "$*" >&2; }

rm -rf "$TARGET"
mkdir -p "$INPUT/native" "$TARGET/work"

say "freezing the service with PyInstaller"
# The next-shop and category models are pickles of scikit-learn objects: the build names their modules.
# RapidOCR (the photo engine) is imported where it is first used; its ONNX models and settings are
# data files inside its package, collected with it, so nothing is downloaded at run time.
PYTHONPATH="$ROOT/ocr-service/src" "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --onedir --name cesta-service \
  --distpath "$TARGET/work/dist" --workpath "$TARGET/work/build" --specpath "$TARGET/work" \
  --paths "$ROOT/ocr-service/src" \
  --collect-submodules ocr_service --collect-data ocr_service \
  --collect-submodules uvicorn --collect-submodules gunicorn --hidden-import uvicorn_worker \
  --hidden-import sklearn.ensemble --hidden-import sklearn.ensemble._hist_gradient_boosting.gradient_boosting \
  --hidden-import sklearn.linear_model --hidden-import sklearn.feature_extraction.text \
  --hidden-import tesserocr --hidden-import rapidocr_onnxruntime --collect-submodules rapidocr_onnxruntime --collect-data rapidocr_onnxruntime \
  --exclude-module pytest --exclude-module reportlab --exclude-module tkinter --exclude-module skimage \
  "$ROOT/packaging/service/cesta_service.py"
mv "$TARGET/work/dist/cesta-service" "$INPUT/service"
# PyInstaller collects the libraries that wheels keep in a NAME.libs folder (OpenCV's ffmpeg and
# OpenBLAS, NumPy's, SciPy's) twice: there and beside the Python library. The extension modules
# load them from their NAME.libs folder (their RPATH says so), so the second copy is dropped
# (~100 MB; jpackage would copy a symbolic link as a file, so a link saves nothing).
for copy in "$INPUT"/service/_internal/*.libs/*; do
  twin="$INPUT/service/_internal/$(basename "$copy")"
  if [ -f "$twin" ] && cmp -s "$copy" "$twin"; then rm -f "$twin"; fi
done

say "assembling jpackage's input"
cp "$ROOT/desktop/target/cesta-desktop.jar" "$INPUT/"
cp -r "$ROOT/desktop/target/lib" "$INPUT/lib"
# Test-only jars are not in target/lib (copy-dependencies runs with the runtime scope).
# JavaFX loads its .so files from beside its jars when they are there, instead of unpacking them
# into ~/.openjfx; sqlite-jdbc loads from org.sqlite.lib.path (set in jpackage.cfg) instead of /tmp.
for jar in "$INPUT"/lib/javafx-*-linux.jar; do
  (cd "$INPUT/lib" && unzip -q -o -j "$jar" '*.so' 2>/dev/null || true)
done
unzip -q -o -j "$INPUT"/lib/sqlite-jdbc-*.jar 'org/sqlite/native/Linux/x86_64/libsqlitejdbc.so' -d "$INPUT/native"

JPACKAGE="${JPACKAGE:-$(dirname "$(readlink -f "$(command -v javac)")")/jpackage}"
cd "$ROOT"  # jpackage.cfg's relative paths are relative to the working directory
say "jpackage: app image"
# The JVM options the app is started with everywhere (desktop/jvm.options says why).
JVM_OPTIONS=()
while read -r option; do
  JVM_OPTIONS+=(--java-options "$option")
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/desktop/jvm.options")
"$JPACKAGE" @jpackage.cfg "${JVM_OPTIONS[@]}" --type app-image
say "class-data-sharing archive from a training start of the window"
# The window opens ~1 s sooner when the JVM maps the classes it needs from an archive made by this
# very runtime. Record one: start the app image once on a virtual display until its service is
# ready, close it (the JVM writes the archive as it exits), then point the launcher at the archive.
CFG="$TARGET/cesta/lib/app/cesta.cfg"
TRAINING="$TARGET/work/training"
mkdir -p "$TRAINING"
cp "$CFG" "$TARGET/work/cesta.cfg.orig"
sed -i '/^\[JavaOptions\]/a java-options=-XX:ArchiveClassesAtExit=$APPDIR/cesta.jsa' "$CFG"
exec 9< <(Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp 2>/dev/null)
XVFB_PID=$!
read -r DISPLAY_NUMBER <&9
DISPLAY=":$DISPLAY_NUMBER" HOME="$TRAINING" CESTA_HOME="$TRAINING" "$TARGET/cesta/bin/cesta" >/dev/null 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  grep -qs "service READY" "$TRAINING"/logs/cesta-*.log && break
  sleep 0.1
done
sleep 1
kill -TERM "$APP_PID" 2>/dev/null || true
wait "$APP_PID" 2>/dev/null || true
kill "$XVFB_PID" 2>/dev/null || true
cp "$TARGET/work/cesta.cfg.orig" "$CFG"
if [ -s "$TARGET/cesta/lib/app/cesta.jsa" ]; then
  sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/cesta.jsa' "$CFG"
else
  say "no class archive was written; the app starts without one"
fi

say "jpackage: .deb installer"
"$JPACKAGE" @packaging/linux/deb.cfg --name cesta --app-version 0.1.0 --vendor Cesta \
  --description "Your shopping tickets as data, read and kept on your own computer" \
  --app-image "$TARGET/cesta" --dest "$TARGET"
rm -rf "$TARGET/work"
ls -la "$TARGET"/*.deb >&2
say "built in ${SECONDS} s; app image $(du -sh "$TARGET/cesta" | cut -f1), installer $(du -h "$TARGET"/*.deb | cut -f1)"
