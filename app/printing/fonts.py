"""The bundled CJK font, registered once and embedded (subset) in every PDF."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource_path

CJK_FONT = "WenQuanYiMicroHei"
FONT_FILE = "wqy-microhei.ttc"


@cache
def register_fonts() -> str:
    """TrueType subsetting embeds only the glyphs used, so a slip stays a few dozen KB."""
    pdfmetrics.registerFont(
        TTFont(CJK_FONT, str(resource_path("fonts", FONT_FILE)), subfontIndex=0)
    )
    return CJK_FONT
