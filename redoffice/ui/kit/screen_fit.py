"""Windows fit the screen they open on: a 1366×768 office screen with its taskbar leaves
≈1366×728, and a dialog taller than that hides its 保存/取消 below the edge. Every dialog also
answers F1 with the help (a modal dialog blocks the main window's own F1)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QDialog, QMainWindow, QScrollArea, QWidget


def screen_of(widget: QWidget) -> QScreen:
    """The screen under the widget's middle (else the primary one), asked of the application,
    never of the widget. PySide6 makes the QScreen's Python wrapper returned by an instance
    method (a widget's or a QWindow's ``screen``) a child of the asking object's wrapper;
    when that window's wrapper is then collected in a reference cycle, Python's collector may
    clear the screen's wrapper first, which hands it ownership of the C++ QScreen, and it
    deletes the application's screen: the next widget made or painted crashes in
    ``QScreen::virtualSiblings`` (tests/ui/test_screen_wrapper.py). The static functions used
    here leave the wrapper unparented."""
    middle = widget.mapToGlobal(QPoint(widget.width() // 2, widget.height() // 2))
    return QGuiApplication.screenAt(middle) or QGuiApplication.primaryScreen()


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen not taken by the taskbar."""
    return screen_of(widget).availableGeometry()


def fit_to_screen(window: QWidget) -> None:
    """Shrink the window to the available area (its scroll areas take the rest) and move it
    inside, leaving room for the title bar."""
    area = available_area(window)
    frame = window.frameGeometry().size() - window.geometry().size()
    room = QSize(area.width() - frame.width(), area.height() - max(frame.height(), 30))
    window.resize(window.size().boundedTo(room).expandedTo(window.minimumSizeHint()))
    x = min(max(window.x(), area.left()), area.right() - window.width() - frame.width() + 1)
    y = min(max(window.y(), area.top()), area.bottom() - window.height() - frame.height() + 1)
    window.move(max(x, area.left()), max(y, area.top()))


class ScreenFit(QObject):
    """Installed on the application: every dialog and main window is fitted when it shows."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the application passes here (~2,500 while a page opens): the type of
        # the receiver is tested first, reading the event's type (a new Python enum) only for
        # windows
        if not isinstance(watched, _WINDOWS) or event.type() != _SHOW:
            return False
        if not watched.isMaximized():
            fit_to_screen(watched)
        if isinstance(watched, QDialog) and not watched.property(HELP_KEY):
            give_help_key(watched)
        return False


_WINDOWS = (QDialog, QMainWindow)
_SHOW = QEvent.Type.Show


HELP_KEY = "redoffice_help_key"


def give_help_key(dialog: QDialog) -> None:
    """F1 in this dialog opens the help (once per dialog: two F1 shortcuts would cancel out)."""
    from redoffice.ui.kit.help_window import show_help

    dialog.setProperty(HELP_KEY, True)
    QShortcut(QKeySequence.StandardKey.HelpContents, dialog, show_help)


class FormScroll(QScrollArea):
    """A scroll area as tall as its form wants (not Qt's 24 lines), so the window's own size
    decides and the scroll bar appears only on a small screen."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

    def sizeHint(self) -> QSize:
        content = self.widget()
        hint = content.sizeHint() if content is not None else QSize()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, hint.height())


_installed: list[ScreenFit] = []


def install_screen_fit(app: QObject) -> None:
    """Fit every window of ``app`` to its screen from now on (once per application)."""
    if not _installed:
        _installed.append(ScreenFit(app))
        app.installEventFilter(_installed[0])
