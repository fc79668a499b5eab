#!/usr/bin/env python3
"""Adds Italian→English pairs to the shared English resource file.
Usage: python3 scripts/add-translation.py "Testo italiano" "English text" [...pairs]
A key already present is left alone (and reported)."""
import sys, html, re
PATH = "src/Platform/Metropoli.Platform/Localization/SharedResource.en.resx"
args = sys.argv[1:]
if not args or len(args) % 2:
    sys.exit(__doc__)
text = open(PATH, encoding="utf-8").read()
existing = set(html.unescape(k) for k in re.findall(r'<data name="([^"]*)"', text))
added = []
for it, en in zip(args[::2], args[1::2]):
    if it in existing:
        print(f"present: {it}")
        continue
    esc = lambda s: html.escape(s, quote=True)
    added.append(f'  <data name="{esc(it)}" xml:space="preserve">\n    <value>{html.escape(en, quote=False)}</value>\n  </data>\n')
    existing.add(it)
text = text.replace("</root>", "".join(added) + "</root>")
open(PATH, "w", encoding="utf-8").write(text)
print(f"added {len(added)}")
