"""Child process for the crash test: press receive, type, then wait to be killed."""

import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from app.db.station_file import open_station  # noqa: E402
from app.domain.catalog import load_catalog  # noqa: E402
from app.services import station  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402


def main() -> None:
    data_dir, stop_at = Path(sys.argv[1]), sys.argv[2]
    app = QApplication(sys.argv[:1])
    store = open_station(data_dir)
    officer = station.sign_in(store, "000001", sys.argv[3])
    window = MainWindow(store, load_catalog(), officer, data_dir)
    window.show()
    window.desk.receive_button.click()
    app.processEvents()
    print("PRESSED", flush=True)
    if stop_at == "typed":
        form = window.tabs.currentWidget()
        name = form.findChild(QLineEdit, "reporterName")
        event = QInputMethodEvent("", [])
        event.setCommitString("王芳")
        QApplication.sendEvent(name, event)
        phone = form.findChild(QLineEdit, "reporterPhone")
        phone.setFocus()
        for ch in "1391234":
            phone.insert(ch)
            phone.textEdited.emit(phone.text())
        app.processEvents()
        print("TYPED", flush=True)
    while True:
        time.sleep(1)


main()
