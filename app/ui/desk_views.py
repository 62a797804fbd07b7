"""The views beside the receive desk: each is made the first time it is asked for, shown in a
tab of its own, and forgotten when its tab is closed.

Each view has a fixed place - right after the desk, in the menu's order, before the open
intakes - so opening one never moves the tabs an officer already knows where to find."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.reports_browser import ReportsBrowser
    from app.ui.shift_end import ShiftEndView
    from app.ui.visit_queue import VisitQueueView


@dataclass(frozen=True)
class ViewSpec:
    title: Callable[[], str]
    make: Callable[[MainWindow], QWidget]
    refresh_each_time: bool = True
    focus: Callable[[Any], QWidget] | None = None


def _reports(w: MainWindow) -> QWidget:
    from app.ui.reports_browser import ReportsBrowser

    view = ReportsBrowser(w.store, w.catalog, w.lang)
    view.open_requested.connect(w.open_report)
    return view


def _visits(w: MainWindow) -> QWidget:
    from app.ui.visit_queue import VisitQueueView

    view = VisitQueueView(w.store, w.catalog, w.officer, w.lang)
    view.changed.connect(w.sync_worker.after_save)
    return view


def _cases(w: MainWindow) -> QWidget:
    from app.ui.case_files_view import CaseFilesView

    view = CaseFilesView(w.store, w.catalog, w.officer, w.lang)
    view.open_report.connect(w.open_report)
    view.changed.connect(w.sync_worker.after_save)
    return view


def _sheets(w: MainWindow) -> QWidget:
    from app.ui.reminder_sheets_view import ReminderSheetsView

    return ReminderSheetsView(w.store, w.catalog, w.officer, w.lang)


def _register(w: MainWindow) -> QWidget:
    from app.ui.care_register_view import CareRegisterView

    return CareRegisterView(w.store, w.officer)


def _supervision(w: MainWindow) -> QWidget:
    from app.ui.supervision_view import SupervisionView

    view = SupervisionView(w.store, w.catalog, w.officer, w.lang)
    view.open_report.connect(w.open_report)
    return view


def _shift(w: MainWindow) -> QWidget:
    from app.ui.shift_end import ShiftEndView

    view = ShiftEndView(w.store, w.catalog, w.lang, w.officer)
    view.open_requested.connect(w.open_report)
    view.backup_requested.connect(lambda: w.back_up("shift_end"))
    return view


class DeskViews(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.made: dict[str, QWidget] = {}
        self.specs = {
            "reports": ViewSpec(
                lambda: self.tr("Reports"),
                _reports,
                refresh_each_time=False,
                focus=lambda v: v.search,
            ),
            "visits": ViewSpec(
                lambda: self.tr("Return visits"), _visits, focus=lambda v: v.code_edit
            ),
            "cases": ViewSpec(lambda: self.tr("Case files"), _cases),
            "sheets": ViewSpec(lambda: self.tr("Reminder sheets"), _sheets),
            "register": ViewSpec(lambda: self.tr("Care register"), _register),
            "supervision": ViewSpec(lambda: self.tr("Supervision"), _supervision),
            "shift": ViewSpec(lambda: self.tr("Shift end"), _shift),
        }

    def show(self, name: str) -> QWidget:
        spec, tabs = self.specs[name], self.window.tabs
        view = self.made.get(name)
        if view is None:
            view = self.made[name] = spec.make(self.window)
            tabs.insertTab(self._place(name), view, spec.title())
            view.refresh()  # type: ignore[attr-defined]
        elif spec.refresh_each_time:
            view.refresh()  # type: ignore[attr-defined]
        tabs.setCurrentWidget(view)
        if spec.focus is not None:
            spec.focus(view).setFocus()
        return view

    def _place(self, name: str) -> int:
        """After the desk and the open views that come before this one."""
        order = list(self.specs)
        before = [v for n, v in self.made.items() if order.index(n) < order.index(name)]
        return 1 + len(before)

    def forget(self, widget: QWidget) -> None:
        for name, view in list(self.made.items()):
            if view is widget:
                del self.made[name]

    # -- by name, for whoever needs one that is open ------------------------------------------
    @property
    def browser(self) -> ReportsBrowser | None:
        return self.made.get("reports")  # type: ignore[return-value]

    @property
    def visits(self) -> VisitQueueView | None:
        return self.made.get("visits")  # type: ignore[return-value]

    @property
    def shift(self) -> ShiftEndView | None:
        return self.made.get("shift")  # type: ignore[return-value]
