"""A typed formula such as ``sin(3*x) + 0.3*x``, parsed safely and evaluated on NumPy arrays.

The text is parsed by ``ast.parse(mode="eval")`` and every node is checked against a whitelist:
numbers, variable names, + - * / **, unary - and +, calls of the FUNCTIONS below and the
CONSTANTS. Nothing is ever handed to eval or compile: our own walker evaluates the tree with
NumPy ufuncs. Anything else (attributes, subscripts, strings, lambdas, comparisons, ...) is
refused with the character position it starts at (counted from 1).
"""
from __future__ import annotations

import ast
import functools
import warnings
from dataclasses import dataclass

import numpy as np

MAX_LENGTH = 200          # characters: a formula a learner types, not a program
MAX_NODES = 120           # syntax-tree nodes: bounds the work of one evaluation
MAX_VARIABLES = 4
MAX_EXPONENT = 100        # a constant exponent: 9**9**9 would take forever and overflow


def _sigmoid(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))          # = 1 / (1 + e^-a), never overflows


def _relu(a):
    return np.maximum(a, 0.0)


FUNCTIONS = {"sin": np.sin, "cos": np.cos, "tan": np.tan, "exp": np.exp, "log": np.log,
             "sqrt": np.sqrt, "abs": np.abs, "tanh": np.tanh, "sinh": np.sinh,
             "cosh": np.cosh, "arcsin": np.arcsin, "arccos": np.arccos, "arctan": np.arctan,
             "sigmoid": _sigmoid, "relu": _relu, "sign": np.sign, "floor": np.floor,
             "round": np.round}
CONSTANTS = {"pi": np.pi, "e": np.e}
_BINARY = {ast.Add: np.add, ast.Sub: np.subtract, ast.Mult: np.multiply,
           ast.Div: np.divide, ast.Pow: np.power}
_UNARY = {ast.USub: np.negative, ast.UAdd: np.positive}
_SYMBOL = {ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@", ast.BitAnd: "&",
           ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>",
           ast.Invert: "~", ast.Not: "not"}
_WHAT = {ast.Attribute: "attribute access (a '.' after a name)", ast.Subscript: "indexing [...]",
         ast.Lambda: "lambda", ast.IfExp: "if ... else", ast.Compare: "a comparison",
         ast.BoolOp: "and / or", ast.ListComp: "a comprehension", ast.GeneratorExp:
         "a comprehension", ast.SetComp: "a comprehension", ast.DictComp: "a comprehension",
         ast.List: "a list", ast.Tuple: "a tuple (a comma)", ast.Dict: "a dict",
         ast.Set: "a set", ast.JoinedStr: "a string", ast.NamedExpr: "':='",
         ast.Starred: "'*' unpacking", ast.Await: "await"}
ALLOWED_TEXT = ("numbers, inputs such as x or x1, x2, + - * / ** ( ), functions such as "
                "sin(...) and the constants pi, e")


class ExpressionError(ValueError):
    """A formula that is not allowed; the message names the character position or name."""


@dataclass(frozen=True, eq=False)
class Expression:
    text: str
    tree: ast.expr
    variables: tuple[str, ...]          # the inputs, sorted: x, or x1, x2, ...


@functools.lru_cache(maxsize=64)
def parse_expression(text: str) -> Expression:
    """The checked formula, or ExpressionError saying what is wrong and where."""
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError("the expression is empty: type a formula of x such as "
                              "sin(3*x) + 0.3*x")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the expression is {len(text)} characters long; at most "
                              f"{MAX_LENGTH} are allowed")
    try:
        with warnings.catch_warnings():     # '1x' warns on stderr; the user hears it from us
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError as e:
        where = f" at character {e.offset}" if e.offset else ""
        raise ExpressionError(f"the expression is not a formula{where}: {e.msg}") from None
    except (ValueError, MemoryError, RecursionError):       # NUL bytes, absurd nesting
        raise ExpressionError("the expression cannot be read as a formula") from None
    shift = len(text) - len(text.lstrip())                  # positions in the text as typed
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise ExpressionError(f"the expression has {len(nodes)} parts; at most {MAX_NODES} "
                              f"are allowed")
    for node in nodes:          # __import__, __builtins__ ...: named first, whatever holds them
        if isinstance(node, ast.Name) and node.id.startswith("_"):
            raise ExpressionError(f"the name '{node.id}' ({_at(node, shift)}) is not allowed")
    variables: set[str] = set()
    _check(tree, variables, shift)
    if not variables:
        raise ExpressionError("the expression uses no input: write it in terms of x (or "
                              "x1, x2, ...)")
    if len(variables) > MAX_VARIABLES:
        raise ExpressionError(f"the expression uses {len(variables)} inputs "
                              f"({', '.join(sorted(variables))}); at most {MAX_VARIABLES}")
    return Expression(text, tree, tuple(sorted(variables)))


def check_expression(text: str) -> None:
    """Param.check for an expression param: raises ExpressionError (a ValueError) whose
    message starts with the param's name, like the schema's own messages."""
    try:
        parse_expression(text)
    except ExpressionError as e:
        raise ExpressionError(f"expression: {e}") from None


def _at(node: ast.AST, shift: int) -> str:
    return f"at character {getattr(node, 'col_offset', 0) + 1 + shift}"


def _check(node: ast.AST, variables: set[str], shift: int) -> float | None:
    """Refuse what is not whitelisted; collect the variables. Returns the node's value
    when it is a constant (so constant exponents can be bounded), else None."""
    if isinstance(node, ast.Constant):
        return _number(node, shift)
    if isinstance(node, ast.Name):
        return _name(node, variables, shift)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        value = _check(node.operand, variables, shift)
        return None if value is None else (-value if isinstance(node.op, ast.USub) else value)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        return _binary(node, variables, shift)
    if isinstance(node, ast.Call):
        return _call(node, variables, shift)
    raise ExpressionError(f"{_describe(node)} is not allowed in a formula ({_at(node, shift)});"
                          f" allowed: {ALLOWED_TEXT}")


def _describe(node: ast.AST) -> str:
    op = getattr(node, "op", None)
    if op is not None and type(op) in _SYMBOL:
        return f"the operator '{_SYMBOL[type(op)]}'"
    return _WHAT.get(type(node), f"'{type(node).__name__}'")


def _number(node: ast.Constant, shift: int) -> float:
    v = node.value
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        what = "a string" if isinstance(v, (str, bytes)) else repr(v)
        raise ExpressionError(f"{what} is not allowed in a formula ({_at(node, shift)}); "
                              f"only numbers")
    try:
        value = float(v)
    except OverflowError:
        value = float("inf")
    if not np.isfinite(value):
        raise ExpressionError(f"the number {_at(node, shift)} is too big")
    return value


def _name(node: ast.Name, variables: set[str], shift: int) -> float | None:
    name = node.id
    if name in CONSTANTS:
        return CONSTANTS[name]
    if name in FUNCTIONS:
        raise ExpressionError(f"'{name}' is a function: write {name}(...) ({_at(node, shift)})")
    if not (name.isascii() and name[0].isalpha() and name.replace("_", "").isalnum()
            and len(name) <= 12):
        raise ExpressionError(f"the name '{name}' ({_at(node, shift)}) is not allowed: inputs "
                              f"are short names such as x, x1, x2")
    variables.add(name)
    return None


def _binary(node: ast.BinOp, variables: set[str], shift: int) -> float | None:
    left = _check(node.left, variables, shift)
    right = _check(node.right, variables, shift)
    if isinstance(node.op, ast.Pow) and right is not None and abs(right) > MAX_EXPONENT:
        raise ExpressionError(f"the exponent {_at(node.right, shift)} is too large "
                              f"({right:g}): at most {MAX_EXPONENT} in size")
    if left is None or right is None:
        return None
    with np.errstate(all="ignore"):
        value = float(_BINARY[type(node.op)](np.float64(left), np.float64(right)))
    if not np.isfinite(value):
        raise ExpressionError(f"the part {_at(node, shift)} is not a finite number "
                              f"(a division by zero or an overflow)")
    return value


def _call(node: ast.Call, variables: set[str], shift: int) -> None:
    name = node.func.id if isinstance(node.func, ast.Name) else None
    if name not in FUNCTIONS:
        shown = f"'{name}'" if name else "this call"
        raise ExpressionError(f"{shown} ({_at(node, shift)}) is not an allowed function; "
                              f"allowed: {', '.join(FUNCTIONS)}")
    if node.keywords or len(node.args) != 1:
        raise ExpressionError(f"{name}(...) ({_at(node, shift)}) takes exactly one argument")
    _check(node.args[0], variables, shift)
    return None


def evaluate(expression: Expression, inputs: dict[str, np.ndarray]) -> np.ndarray:
    """The formula on arrays of its inputs (float64, same shape); may hold inf or NaN where
    it is undefined (the caller says where)."""
    with np.errstate(all="ignore"):
        return np.asarray(_value(expression.tree, inputs), dtype=np.float64)


def _value(node: ast.AST, inputs: dict[str, np.ndarray]):
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return inputs[node.id] if node.id in inputs else CONSTANTS[node.id]
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_value(node.operand, inputs))
    if isinstance(node, ast.BinOp):
        return _BINARY[type(node.op)](_value(node.left, inputs), _value(node.right, inputs))
    return FUNCTIONS[node.func.id](_value(node.args[0], inputs))    # a checked Call
