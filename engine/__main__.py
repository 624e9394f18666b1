"""`python -m lexgap`: the same command line as the `lexgap` script."""

from lexgap.cli import main

if __name__ == "__main__":
    main()
