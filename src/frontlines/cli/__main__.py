"""`python -m frontlines.cli`: the same as the `frontlines` command."""

from frontlines.cli import main

main()
