"""Side by side settles. A view whose title wraps when narrow needs more height at one
width than at another; the pages once told the splitter to share its width again whenever
what they had measured at their current width changed, so sharing gave the Data page
737 pixels (its loss surface's title wrapped, 56 pixels more), then 452 (it did not), then
737 ... for ever: the window hung switching tabs (GUI monkey, seeds 3 and 7)."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from gui.training.view_grid import SideBySide, ViewPage

NARROW_WRAPS = 260        # below this width the "title" wraps and reaches 200 px further


class WrappingView(QWidget):
    """A view with a minimum size whose child (its wrapped title and plot) reaches below it
    when the view is narrower than NARROW_WRAPS, as word-wrapped text does."""

    def __init__(self):
        super().__init__()
        self.setMinimumSize(200, 140)
        self.body = QWidget(self)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        extra = 200 if self.width() < NARROW_WRAPS else 0
        self.body.setGeometry(0, 0, self.width(), self.height() + extra)


def test_pages_whose_views_wrap_when_narrow_settle_side_by_side(qtbot, monkeypatch):
    shares = []
    original = SideBySide.share

    def counted_share(self):
        shares.append(self.sizes())
        if len(shares) < 200:                 # past that it loops: stop it, and fail below
            original(self)
    monkeypatch.setattr(SideBySide, "share", counted_share)
    splitter = SideBySide()
    qtbot.addWidget(splitter)
    pages = [ViewPage([WrappingView() for _ in range(n)]) for n in (1, 3)]
    for page in pages:
        splitter.add_page(page)
    splitter.resize(900, 310)   # one row of three (views 223 wide) fits only unwrapped
    splitter.show()
    qtbot.waitExposed(splitter)
    for _ in range(50):             # the layouts' and measurements' turns on the event loop
        QApplication.processEvents()
    assert len(shares) < 20, f"{len(shares)} shares, sizes cycling: {shares[-4:]}"
    settled = splitter.sizes()
    original(splitter)              # sharing again now changes nothing
    assert splitter.sizes() == settled
