"""Save as PDF and Print for the print dialog: both use the document shown, and only while it
is the one the options describe.

``PrintOutput`` is a part of ``PrintDialog``."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop_app.ui import app_state
from desktop_app.ui.errors import first_line, show_error
from desktop_app.ui.printing.preview import print_pdf
from desktop_app.ui.workers import Job

KEY_FOLDER = "print/last_folder"


class PrintOutput:
    """Save the document shown as a PDF file, or print it."""

    # ================================================================== saving
    def save_as(self) -> QFileDialog | None:
        """Ask where to save (a window-modal file dialog, ``self.file_dialog``), then save."""
        if not self._can_use():
            return None
        folder = app_state.read_str(KEY_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        dialog = QFileDialog(self, "Save as PDF", str(Path(folder) / self.default_file_name()),
                             "PDF files (*.pdf)")
        dialog.setObjectName("saveAsDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self.default_file_name())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_to)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_to(self, path: str | os.PathLike) -> bool:
        """Copy the document shown to ``path`` (".pdf" added when missing); True when saved.
        A path is written whole or not at all."""
        if not self._can_use() or self._closed:
            return False
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        from desktop_app.reports.page import write_output
        try:
            write_output(target, Path(self.built_path).read_bytes())
        except OSError as exc:
            show_error(self, f"Could not save {target.name}: "
                             f"{exc.strerror or first_line(exc)}.", "Cannot save")
            return False
        app_state.write(KEY_FOLDER, str(target.parent))
        self.saved_path = str(target)
        self._update()
        self.saved.emit(str(target))
        return True

    def _can_use(self) -> bool:
        """Is the document shown the one the options describe (so Save / Print may use it)?"""
        return (bool(self.built_path) and not self._building_now()
                and self.built_choice == self.choice())

    # ================================================================== printing
    def print_document(self) -> QPrintDialog | None:
        """Ask for a printer (``self.printer_dialog``, window-modal), then print."""
        if not self._can_use():
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.default_file_name()).stem)
        printer.setFromTo(0, 0)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printerDialog")
        dialog.setMinMax(1, max(1, self.built_pages))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_to(printer))
        self._printer = printer
        self.printer_dialog = dialog
        QDialog.open(dialog)      # window-modal; PySide's QPrintDialog.open wants a receiver
        return dialog

    def print_to(self, printer: QPrinter) -> Job | None:
        """Print the document shown on ``printer`` off the UI thread (progress and Cancel)."""
        if not self._can_use():
            return None
        self._printer = printer
        path = self.built_path
        pages = self.built_pages

        def work(ctx) -> int:
            return print_pdf(path, printer, progress=ctx.progress,
                             cancelled=lambda: ctx.cancelled)

        def done(count: int) -> None:
            if self._closed:
                self._tidy_if_closed()
                return
            where = printer.outputFileName()
            self.status_label.setText(
                f"Printed {count} page{'s' if count != 1 else ''}"
                + (f" to {where}" if where else f" on {printer.printerName() or 'the printer'}"))
            self._update_buttons_only()

        def failed(exc: BaseException) -> None:
            if not self._closed:
                self._update_buttons_only()
                show_error(self, f"Could not print: {first_line(exc)}", "Cannot print")
            self._tidy_if_closed()

        def cancelled() -> None:
            if not self._closed:
                self.status_label.setText("Printing cancelled.")
                self._update_buttons_only()
            self._tidy_if_closed()

        self._print_job = self._start(work, on_done=done, on_error=failed, on_cancel=cancelled,
                                      title="Printing",
                                      label=f"Printing {pages} page{'s' if pages != 1 else ''}"
                                            "\u2026")
        self._update_buttons_only()
        return self._print_job

    def _update_buttons_only(self) -> None:
        printing = self._print_job is not None and not self._print_job.done
        ok = self._can_use() and not printing
        self.save_button.setEnabled(ok)
        self.print_button.setEnabled(ok)
