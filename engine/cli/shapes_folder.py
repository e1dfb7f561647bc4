"""``main.py shapes-folder DIR``: the built-in shapes as an image folder for image_folder."""
from __future__ import annotations

from engine.cli.common import EXIT_BAD_INPUT, EXIT_OK, print_errors, print_out
from engine.errors import DataError


def run_shapes_folder(args) -> int:
    from engine.data.shapes_folder import write_shapes_folder
    try:
        counts = write_shapes_folder(args.dir, samples=args.samples, size=args.size)
    except DataError as e:
        print_errors([str(e)])
        return EXIT_BAD_INPUT
    total = sum(counts.values())
    print_out(f"wrote {total} PNG images of {args.size} x {args.size} pixels to {args.dir}:")
    for name, n in counts.items():
        print_out(f"  {name}/  {n} images")
    print_out('use it with the dataset {"name": "image_folder", "params": {"path": '
              f'"{args.dir}", "size": {args.size}, "channels": 1}}}}')
    return EXIT_OK
