import multiprocessing

from app.cli import main

# Worker processes (the audit check's) start this module again under another name: they must
# not start the application. In the PyInstaller bundle they start the bundle's executable,
# which freeze_support turns into a worker.
if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
