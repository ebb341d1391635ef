#!/usr/bin/env bash
# Regenerates the PDF fixtures in test/fixtures/pdf from the project's own reports (README there says
# what each is). Needs LibreOffice (soffice), Chromium and poppler-utils (pdftoppm); CI does not run it,
# the results are committed. Run from the repository root: bash scripts/make-pdf-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=test/fixtures/pdf
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

soffice_pdf() { # source, output: LibreOffice's PDF export, as Word/WPS users print
  local filter=pdf
  case "$1" in *.html) filter=pdf:writer_web_pdf_Export ;; esac
  soffice -env:UserInstallation="file://$WORK/lo" --headless --convert-to "$filter" --outdir "$WORK/lo-out" "$1" >/dev/null 2>&1
  mv "$WORK/lo-out/$(basename "${1%.*}").pdf" "$2"
}
chromium_pdf() { # source page, output: the browser's "print to PDF", as a page saved from a site
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$WORK/chromium" --no-pdf-header-footer --print-to-pdf="$2" "$1" >/dev/null 2>&1
}

PINGTAN=test/fixtures/real/2021-city-pingtan.html
soffice_pdf "$PINGTAN" "$OUT/2021-pingtan-libreoffice.pdf"
chromium_pdf "$PINGTAN" "$OUT/2021-pingtan-chromium.pdf"
# Pages with their tables' borders removed (a style injected before </head>, or put first in a page that
# has no head): unruled tables whose grouped headers span several lines and whose row labels wrap beside
# their figures.
UNRULED='<style>table,td,th{border:none !important}</style>'
unruled_pdf() { # source page, output
  local page="$WORK/$(basename "${1%.*}")-unruled.html"
  if grep -q '</head>' "$1"; then sed "s#</head>#$UNRULED</head>#" "$1" >"$page"
  else { printf '<meta charset="utf-8">%s\n' "$UNRULED"; cat "$1"; } >"$page"; fi
  chromium_pdf "$page" "$2"
}
unruled_pdf "$PINGTAN" "$OUT/2021-pingtan-unruled-chromium.pdf"
unruled_pdf test/fixtures/real/2022-city-pingtan.html "$OUT/2022-pingtan-unruled-chromium.pdf"
unruled_pdf test/fixtures/real/2019-province-dept-shanghai-bgt.html "$OUT/2019-shanghai-unruled-chromium.pdf"

# A report drafted by nianbao itself (.docx kept beside it as its source), printed by LibreOffice.
npm run --silent build:cli
node bin/nianbao.js draft assets/samples/2023-national-one-sheet.xlsx --docx "$OUT/2023-draft.docx" >/dev/null
soffice_pdf "$OUT/2023-draft.docx" "$OUT/2023-draft-libreoffice.pdf"
# The same draft with its tables (表二 to 表四 in their official layout) and with no table borders, as a
# Word user may set them: its .docx kept beside it as its source, printed by LibreOffice.
node bin/nianbao.js draft assets/samples/2023-national-one-sheet.xlsx --docx "$WORK/2023-tables.docx" >/dev/null
mkdir "$WORK/docx" && (cd "$WORK/docx" && unzip -q ../2023-tables.docx)
sed -i 's/w:val="single" w:color="000000" w:sz="4"/w:val="none" w:color="auto" w:sz="0"/g' "$WORK/docx/word/document.xml"
rm -f "$OUT/2023-draft-unruled.docx" && (cd "$WORK/docx" && zip -qrX "$OLDPWD/$OUT/2023-draft-unruled.docx" .)
soffice_pdf "$OUT/2023-draft-unruled.docx" "$OUT/2023-draft-unruled-libreoffice.pdf"

# The legacy seed's workbook saved as a page by LibreOffice Calc (its cells have no borders), printed by
# Chromium: an unruled table. (Calc's own PDF export puts the figure column on pages of its own.)
soffice -env:UserInstallation="file://$WORK/lo" --headless --convert-to html --outdir "$WORK/calc" assets/samples/2017-legacy-seed.xlsx >/dev/null 2>&1
chromium_pdf "$WORK/calc/2017-legacy-seed.html" "$OUT/2017-legacy-seed-unruled-chromium.pdf"

# A report with no table at all (the real 勉县 narrative as captured, plain text), printed by LibreOffice.
soffice_pdf test/fixtures/real/2023-county-mianxian.txt "$OUT/2023-mianxian-no-table-libreoffice.pdf"

# A scan: one page as a picture and no text layer.
pdftoppm -f 4 -l 4 -r 60 -png "$OUT/2021-pingtan-chromium.pdf" "$WORK/scan"
printf '<html><body style="margin:0"><img src="%s" style="width:100%%"></body></html>' "$(ls "$WORK"/scan*.png)" >"$WORK/scan.html"
chromium_pdf "$WORK/scan.html" "$OUT/scanned.pdf"

# Encrypted (a user password) and corrupt files, and text in GBK codes through a predefined CJK CMap.
node scripts/make-pdf-handmade.js "$OUT"
