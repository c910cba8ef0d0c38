"""The baseline of the start-up ratio: a bare PySide6 process that shows an empty main
window, lets Qt process the show, prints ``shown <wall-clock time>`` (as `redoffice
--startup-probe` does for its own window) and exits."""

import sys
import time

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
window.show()
app.processEvents()
sys.stdout.write(f"shown {time.time():.6f}\n")
window.close()
