"""Print preview and printing of our ReportLab PDFs through Qt (QtPdf renders the pages)."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
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
        """Every page at once (the print preview asks for them so)."""
        for _ in self.paint_steps(printer, 0):
            pass

    def paint_steps(
        self, printer: QPrinter, start: int, keep_on: Callable[[int, int], bool] | None = None
    ) -> Generator[int, None, int]:
        """Pages from `start` on, one each time the generator is advanced (it yields how many
        are done); returns the first page NOT printed (the page count when all went out).
        `keep_on(done, total)` answering False stops after that page. A printer that cannot
        start or refuses a page stops the run there, so the caller can offer to resume from
        that page instead of printing everything again."""
        painter = QPainter()
        if not painter.begin(printer):
            return start
        done, total = start, self.page_count()
        try:
            for page in range(start, total):
                if page > start and not printer.newPage():
                    break
                self._draw(painter, printer, page)
                done = page + 1
                yield done
                if keep_on is not None and not keep_on(done, total):
                    break
        finally:
            if not painter.end():
                done = start  # the spooler refused the job: nothing can be counted as printed
        return done

    def _draw(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        points = self.document.pagePointSize(page)
        scale = RENDER_DPI / 72
        image = self.document.render(
            page, QSize(int(points.width() * scale), int(points.height() * scale))
        )
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        fitted = QRectF(0, 0, target.width(), target.height())
        ratio = min(fitted.width() / image.width(), fitted.height() / image.height())
        painter.drawImage(QRectF(0, 0, image.width() * ratio, image.height() * ratio), image)


class PdfPreviewDialog(QPrintPreviewDialog):
    """Owns its printer and pages: Qt keeps only raw pointers to both, so they must live here."""

    def __init__(self, parent: QWidget, pdf: bytes, title: str) -> None:
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._printer.setDocName(title)
        super().__init__(self._printer, parent)
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


def offer_pdf(
    parent: QWidget,
    pdf: bytes,
    name: str,
    title: str,
    text: str,
    save_caption: str,
    more: Sequence[tuple[str, Callable[[], object]]] = (),
) -> QMessageBox:
    """A document is ready: print preview, save as PDF, or `more` (text, what it does), each
    a button of one box. Returns the box after it closed."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    preview = QCoreApplication.translate("PdfPrint", "Print preview...")
    save = QCoreApplication.translate("PdfPrint", "Save PDF...")
    actions: dict[object, Callable[[], object]] = {
        box.addButton(preview, QMessageBox.ButtonRole.AcceptRole): lambda: preview_pdf(
            parent, pdf, name
        ).exec()
    }
    for label, act in more:
        actions[box.addButton(label, QMessageBox.ButtonRole.AcceptRole)] = act
    actions[box.addButton(save, QMessageBox.ButtonRole.ActionRole)] = lambda: save_pdf_as(
        parent, pdf, save_caption, f"{name}.pdf"
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    chosen = actions.get(box.clickedButton())
    if chosen is not None:
        chosen()
    return box
