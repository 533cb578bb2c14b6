"""``python -m sorani`` runs the command line."""
import sys

from sorani.cli import main

if __name__ == "__main__":
    sys.exit(main())
