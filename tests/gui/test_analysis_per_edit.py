"""One analysis per edit: the document analyses the network once and the canvas cards, the
inspector and the status bar read that analysis; none of them works a shape, a parameter
count or a problem out again."""
from gui.commands import AddEdge, AddNode, RemoveItems, SetParam


def test_an_edit_with_every_view_open_is_analysed_once(main_window, qtbot, graph_indexings):
    w = main_window
    w.show()
    qtbot.waitExposed(w)
    w.view.scene().select_nodes(["h1"])              # the inspector shows the node's page
    qtbot.wait(50)
    doc = w.document
    edits = [lambda: SetParam(doc, "h1", "units", 6),
             lambda: AddNode(doc, "ReLU", 100, 300, node_id="r"),
             lambda: AddEdge(doc, "p", "r"),
             lambda: RemoveItems(doc, ["r"])]        # a node and its wire: one batch
    for make in edits:
        graph_indexings.clear()
        doc.undo_stack.push(make())
        assert len(graph_indexings) == 1
    graph_indexings.clear()
    doc.undo_stack.undo()
    assert len(graph_indexings) == 1
    assert w.inspector.node_page.params_label.text() == "Trainable parameters: 18"
    assert doc.analysis.node("h1").weight_shapes == {"weight": (6, 2), "bias": (6,)}


def test_moving_a_node_is_not_analysed(xor_document, graph_indexings):
    from gui.commands import MoveNodes
    analysis = xor_document.analysis
    xor_document.undo_stack.push(MoveNodes(xor_document, {"h1": (240, 40)}))
    assert graph_indexings == [] and xor_document.analysis is analysis
