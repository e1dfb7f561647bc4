"""Where a lesson's `show` action leads: the dashboard view of each view key (the stems of the
dashboard's view modules, engine/lessons/format.py VIEW_KEYS) and whether it can show
anything for the network in the window (a Filters view of a network without a convolution
is an empty box: the dock says so instead of pointing at it)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.training.views.activation_curve import ActivationView
from gui.training.views.boundary import BoundaryView
from gui.training.views.confusion import ConfusionView
from gui.training.views.conv_by_hand import ConvByHandView
from gui.training.views.feature_maps import FeatureMapsView
from gui.training.views.filters import FiltersView
from gui.training.views.grad_norms import GradNormView
from gui.training.views.health import HealthView
from gui.training.views.histograms import HistogramView
from gui.training.views.loss import LossView
from gui.training.views.loss_surface import LossSurfaceView
from gui.training.views.lr import LearningRateView
from gui.training.views.metric import MetricView
from gui.training.views.sample_pass import SamplePassView
from gui.training.views.softmax import SoftmaxView
from gui.training.views.unit_maps import UnitMapsView
from gui.training.views.weights import WeightsView

# key -> the dashboard's view class. "runs" is the loss plot, which keeps earlier runs
# faded beside the current one; "curves" is the fitted curve, drawn by the boundary view.
VIEW_CLASSES = {
    "loss": LossView, "metric": MetricView, "lr": LearningRateView, "runs": LossView,
    "grad_norms": GradNormView, "weights": WeightsView, "histograms": HistogramView,
    "filters": FiltersView, "feature_maps": FeatureMapsView,
    "activation_curve": ActivationView, "softmax": SoftmaxView, "unit_maps": UnitMapsView,
    "conv_by_hand": ConvByHandView, "boundary": BoundaryView, "curves": BoundaryView,
    "confusion": ConfusionView, "loss_surface": LossSurfaceView, "health": HealthView,
    "sample_pass": SamplePassView,
}

VIEW_NAMES = {
    "loss": QT_TRANSLATE_NOOP("LessonsDock", "Loss"),
    "metric": QT_TRANSLATE_NOOP("LessonsDock", "Accuracy / error"),
    "lr": QT_TRANSLATE_NOOP("LessonsDock", "Learning rate"),
    "runs": QT_TRANSLATE_NOOP("LessonsDock", "Loss of this run and earlier runs"),
    "grad_norms": QT_TRANSLATE_NOOP("LessonsDock", "Gradient norms"),
    "weights": QT_TRANSLATE_NOOP("LessonsDock", "Weight matrix"),
    "histograms": QT_TRANSLATE_NOOP("LessonsDock", "Histograms"),
    "filters": QT_TRANSLATE_NOOP("LessonsDock", "Filters"),
    "feature_maps": QT_TRANSLATE_NOOP("LessonsDock", "Feature maps"),
    "activation_curve": QT_TRANSLATE_NOOP("LessonsDock", "Activation curve"),
    "softmax": QT_TRANSLATE_NOOP("LessonsDock", "Softmax probabilities"),
    "unit_maps": QT_TRANSLATE_NOOP("LessonsDock", "Unit maps"),
    "conv_by_hand": QT_TRANSLATE_NOOP("LessonsDock", "Convolution by hand"),
    "boundary": QT_TRANSLATE_NOOP("LessonsDock", "Decision boundary"),
    "curves": QT_TRANSLATE_NOOP("LessonsDock", "Fitted curve"),
    "confusion": QT_TRANSLATE_NOOP("LessonsDock", "Confusion matrix"),
    "loss_surface": QT_TRANSLATE_NOOP("LessonsDock", "Loss surface"),
    "health": QT_TRANSLATE_NOOP("LessonsDock", "Network health"),
    "sample_pass": QT_TRANSLATE_NOOP("LessonsDock", "One sample forward and backward"),
}

ACTIVATIONS = {"Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU"}
CONVOLUTIONS = {"Conv2D", "MaxPool2D", "AvgPool2D"}
CLASS_LOSSES = {"cross_entropy", "bce"}


def view_name(key: str) -> str:
    return translate("LessonsDock", VIEW_NAMES.get(key, key))


def missing_reason(key: str, network) -> str | None:
    """Why view ``key`` has nothing to show for ``network`` (None: it can show something)."""
    types = {n.get("type") for n in network.nodes}
    input_shape = _input_shape(network)
    loss = (network.training or {}).get("loss")
    if key in ("filters", "conv_by_hand") and not types & CONVOLUTIONS:
        return translate("LessonsDock", "this network has no Conv2D or pooling layer")
    if key == "softmax" and "Softmax" not in types:
        return translate("LessonsDock", "this network has no Softmax layer")
    if key in ("activation_curve", "health") and not types & ACTIVATIONS:
        return translate("LessonsDock", "this network has no activation layer "
                                        "(Sigmoid, Tanh, ReLU, LeakyReLU, ELU)")
    if key == "boundary" and input_shape not in (None, [2]):
        return translate("LessonsDock", "the decision boundary needs a network with 2 inputs")
    if key == "curves" and input_shape not in (None, [1]):
        return translate("LessonsDock", "the fitted curve needs a network with 1 input")
    if key == "confusion" and loss not in (None, *CLASS_LOSSES):
        return translate("LessonsDock", "the confusion matrix needs a classifier")
    return None


def _input_shape(network):
    for node in network.nodes:
        if node.get("type") == "Input":
            shape = (node.get("params") or {}).get("shape")
            return list(shape) if isinstance(shape, (list, tuple)) else None
    return None
