"""A step's "Show me": its actions done for the learner, in order.

``open_example`` never touches the user's unsaved work: an unmodified document (or one the
lesson opened itself) takes the example in place; a document with unsaved changes of the
user's stays as it is, in its window, and the example opens in a new window, where the
lesson goes on (the actions after it act there). The other actions select a node, switch
the dashboard to a tab and frame a view, or open the optimizer race.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from gui.files import EXAMPLES_DIR
from gui.i18n import translate

_windows: set = set()          # the lesson windows opened here: kept alive while open


def example_path(stem: str):
    return EXAMPLES_DIR / f"{stem}.nw.json"


def run_actions(window, actions) -> tuple[object, list[tuple[str, str]]]:
    """Do ``actions`` starting in ``window``; returns the window the lesson is in afterwards
    and the notes to show [(text, "info" | "error")]."""
    notes: list[tuple[str, str]] = []
    for action in actions:
        if action.do == "open_example":
            window = open_example(window, action.example, notes)
            if window is None:
                break
        elif action.do == "select_node":
            select_node(window, action.node, notes)
        elif action.do == "show":
            show_view(window, action.tab, action.view, notes)
        elif action.do == "open_race":
            from gui.lessons.race import open_race_dialog
            open_race_dialog(window, list(action.optimizers), notes)
    return window, notes


# ---- open_example ---------------------------------------------------------------------------
def open_example(window, stem: str, notes: list, edits=()):
    """The example (with ``edits`` made, as a lesson's earlier steps make them) in
    ``window`` when its document may be replaced, else in a new window; returns the window
    it opened in (None: it could not be read, said in ``notes``)."""
    path = example_path(stem)
    if not path.exists():
        notes.append((translate("LessonsDock", "The example {name} is missing from "
                                               "{folder}.").format(
            name=stem, folder=str(EXAMPLES_DIR)), "error"))
        return None
    network = _read(path, edits, notes)
    if network is None:
        return None
    lessons = window.lessons
    if lessons.may_replace_document():
        if not _same_run(window.document, network):   # else the open example and its run stay
            with lessons.opening_example():
                window.document.replace(network, None)     # untitled: Save asks where
        return window
    new = new_window(window)
    with new.lessons.opening_example():
        new.document.replace(network, None)
    notes.append((translate("LessonsDock", "Your network has unsaved changes, so the example "
                                           "opened in a new window; yours is as you left "
                                           "it."), "info"))
    return new


def _read(path, edits, notes: list):
    """The example at ``path`` after ``edits`` (None: a problem, said in ``notes``)."""
    from engine.graph.network import Network
    from engine.lessons.edits import apply_edits
    from gui.files import error_messages, read_network
    try:
        network = read_network(path)
        if edits:
            edited = Network.from_dict(apply_edits(network.to_dict(), edits))
            edited.folder, network = network.folder, edited    # its data paths still work
    except Exception as e:  # noqa: BLE001 -- a broken example or edit: say why, never crash
        notes.append(("; ".join(error_messages(e)), "error"))
        return None
    return network


def _same_run(document, network) -> bool:
    """The document is already this network, unedited: Show me again keeps it and its run."""
    from engine.graph.network import run_key
    return not document.is_modified and run_key(document.to_dict()) == run_key(
        network.to_dict())


def new_window(window):
    """A second main window beside ``window``, kept alive until closed. Autosave is off in
    it: the process has one recovery file, the user's window's."""
    new = type(window)()         # a MainWindow (its class: gui.main_window imports us)
    new.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    new.files.autosave_enabled = False
    new.files.discard_recovery = lambda path=None: None     # nor may it delete the user's
    new.resize(window.size())
    new.move(window.pos() + QPoint(40, 40))
    _windows.add(new)
    new.destroyed.connect(lambda *_a, w=new: _windows.discard(w))
    new.show()
    return new


# ---- select_node, show ------------------------------------------------------------------------
def select_node(window, node_id: str, notes: list) -> None:
    scene = window.view.scene()
    item = scene.node_items.get(node_id)
    if item is None:
        notes.append((translate("LessonsDock", "There is no node '{node}' in this network: "
                                               "open the lesson's example (Show me on the "
                                               "first step).").format(node=node_id), "error"))
        return
    scene.select_nodes([node_id])
    window.view.ensureVisible(item)


def show_view(window, tab: str, key: str | None, notes: list) -> None:
    """Bring the Training dock up on ``tab`` and frame view ``key`` (if any) for a moment;
    a view with nothing to show for this network or the selected node is said in ``notes``."""
    from gui.lessons.highlight import highlight
    from gui.lessons.views import VIEW_CLASSES, missing_reason, view_name
    from gui.training.dashboard import SIDE_BY_SIDE_PAGES
    dashboard = window.training.dashboard
    window.training_dock.show()
    window.training_dock.raise_()
    if tab not in SIDE_BY_SIDE_PAGES and not dashboard.splitter.isHidden():
        dashboard.set_side_by_side(False)       # Backprop shows in the tabs only
    dashboard.show_page(tab)
    if key is None:
        highlight(dashboard.pages[tab])
        return
    reason = missing_reason(key, window.document.network)
    view = dashboard.view(VIEW_CLASSES[key])
    if reason is not None:
        notes.append((translate("LessonsDock", "The {view} view has nothing to show here: "
                                               "{why}.").format(view=view_name(key), why=reason),
                      "error"))
        return
    if view.isHidden() and window.training.info is None:
        notes.append((translate("LessonsDock", "The {view} view appears here once training "
                                               "runs: press Train.").format(
            view=view_name(key)), "info"))     # some views know what they show from a run
        highlight(dashboard.pages[tab])
        return
    if view.isHidden():
        notes.append((translate("LessonsDock", "The {view} view shows nothing for the "
                                               "selected node: {what}").format(
            view=view_name(key), what=view.empty_text), "error"))
        return
    dashboard.pages[tab].ensureWidgetVisible(view)
    highlight(view)
