"""Print preview and printing of our ReportLab PDFs through Qt (QtPdf renders the pages)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

RENDER_DPI = 300


class PdfPages:
    """Keeps the bytes and the buffer alive as long as the document is used."""

    def __init__(self, pdf: bytes) -> None:
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)

    def page_count(self) -> int:
        return self.document.pageCount()

    def paint(self, printer: QPrinter) -> None:
        self.paint_range(printer, 0)

    def paint_range(
        self,
        printer: QPrinter,
        start: int,
        on_page: Callable[[int, int], bool] | None = None,
    ) -> int:
        """Pages from `start` on; returns the first page NOT printed (the page count when all
        went out). A printer that cannot start or refuses a page stops the run there, so the
        caller can offer to resume from that page instead of printing everything again."""
        painter = QPainter()
        if not painter.begin(printer):
            return start
        done = start
        try:
            for page in range(start, self.page_count()):
                if page > start and not printer.newPage():
                    break
                points = self.document.pagePointSize(page)
                scale = RENDER_DPI / 72
                image = self.document.render(
                    page, QSize(int(points.width() * scale), int(points.height() * scale))
                )
                target = printer.pageLayout().paintRectPixels(printer.resolution())
                fitted = QRectF(0, 0, target.width(), target.height())
                ratio = min(fitted.width() / image.width(), fitted.height() / image.height())
                painter.drawImage(
                    QRectF(0, 0, image.width() * ratio, image.height() * ratio), image
                )
                done = page + 1
                if on_page is not None and not on_page(done, self.page_count()):
                    break
        finally:
            if not painter.end():
                done = start  # the spooler refused the job: nothing can be counted as printed
        return done


class PdfPreviewDialog(QPrintPreviewDialog):
    """Owns its printer and pages: Qt keeps only raw pointers to both, so they must live here."""

    def __init__(self, parent: QWidget, pdf: bytes, title: str) -> None:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(title)
        super().__init__(self.printer, parent)
        self.pages = PdfPages(pdf)
        self.setObjectName("printPreview")
        self.setWindowTitle(title)
        self.paintRequested.connect(self.pages.paint)


def save_pdf_as(parent: QWidget, pdf: bytes, caption: str, file_name: str) -> None:
    """Ask where, write, and say so plainly if the disk refuses."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, file_name, "PDF (*.pdf)")
    if not path:
        return
    try:
        Path(path).write_bytes(pdf)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PdfPrint", "StationDesk"),
            QCoreApplication.translate("PdfPrint", "Could not save: %1").replace(
                "%1", exc.strerror or str(exc)
            ),
        )


def preview_pdf(parent: QWidget, pdf: bytes, title: str) -> PdfPreviewDialog:
    return PdfPreviewDialog(parent, pdf, title)
