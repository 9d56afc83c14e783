"""Format-neutral document views: the blocks every renderer reads (``blocks``) and chart
specs (``graphics``). Nothing here imports the model or a renderer."""

from .blocks import *  # noqa: F403
from .blocks import __all__ as _blocks_all
from .graphics import *  # noqa: F403
from .graphics import __all__ as _graphics_all

__all__ = [*_blocks_all, *_graphics_all]
