"""Print preview and printing of our ReportLab PDFs through Qt (QtPdf renders the pages)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

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
        painter = QPainter(printer)
        try:
            for page in range(self.page_count()):
                if page:
                    printer.newPage()
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
        finally:
            painter.end()


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


def preview_pdf(parent: QWidget, pdf: bytes, title: str) -> PdfPreviewDialog:
    return PdfPreviewDialog(parent, pdf, title)
