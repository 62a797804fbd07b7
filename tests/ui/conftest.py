from __future__ import annotations

import pytest

from app.ui.application import install_language, register_bundled_font


@pytest.fixture
def app_en(qapp):
    register_bundled_font(qapp)
    install_language(qapp, "en")
    return qapp
