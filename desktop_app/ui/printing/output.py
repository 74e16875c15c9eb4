"""Save and Print for the print dialog: both use the document shown, and only while it is
the one the options describe. Save writes the format chosen (``formats``): the PDF shown, or
the same document as a Word file or a web page (``services.exporting.export_document``).

``PrintOutput`` is owned by ``PrintDialog`` (``dialog.output``)."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop_app.ui import app_state
from desktop_app.ui.errors import first_line, show_error
from desktop_app.ui.printing.formats import PDF, FormatChooser
from desktop_app.ui.printing.preview import print_pdf
from desktop_app.ui.workers import Job

if TYPE_CHECKING:
    from desktop_app.ui.printing.dialog import PrintDialog

KEY_FOLDER = "print/last_folder"
log = logging.getLogger(__name__)


class PrintOutput:
    """Save the document shown by ``dialog`` as a PDF file, or print it."""

    def __init__(self, dialog: PrintDialog):
        self.dialog = dialog
        self.file_dialog: QFileDialog | None = None
        self.printer_dialog: QPrintDialog | None = None
        self.print_job: Job | None = None
        self._printer: QPrinter | None = None
        self.formats = FormatChooser(dialog)

    def printing(self) -> bool:
        return self.print_job is not None and not self.print_job.done

    # ================================================================== saving
    def save_as(self) -> QFileDialog | None:
        """Ask where to save (a window-modal file dialog, ``self.file_dialog``), then save."""
        if not self.can_use():
            return None
        owner = self.dialog
        folder = app_state.read_str(KEY_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        fmt = self.formats.chosen()
        name = self.formats.file_name(owner.default_file_name())
        dialog = QFileDialog(owner, f"Save as {fmt.words}", str(Path(folder) / name),
                             fmt.filter)
        dialog.setObjectName("saveAsDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(fmt.suffix[1:])
        dialog.selectFile(name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_to)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_to(self, path: str | os.PathLike) -> bool:
        """Save the document shown to ``path`` in the chosen format (its suffix added when
        missing): the PDF is copied, a Word document or web page written from the same
        choices. True when saved; a path is written whole or not at all."""
        owner = self.dialog
        if not self.can_use() or owner.closed:
            return False
        fmt = self.formats.chosen()
        target = Path(path)
        if target.suffix.lower() not in ((fmt.suffix, ".htm") if fmt.suffix == ".html"
                                         else (fmt.suffix,)):
            target = target.with_name(target.name + fmt.suffix)
        try:
            if fmt is PDF:
                from desktop_app.reports.page import write_output
                write_output(target, Path(owner.built_path).read_bytes())
            else:
                self._export(target)
        except OSError as exc:
            show_error(owner, f"Could not save {target.name}: "
                             f"{exc.strerror or first_line(exc)}.", "Cannot save")
            return False
        except Exception as exc:  # noqa: BLE001 - a document that cannot be written: say why
            show_error(owner, f"Could not save {target.name}: {first_line(exc)}",
                       "Cannot save")
            return False
        app_state.write(KEY_FOLDER, str(target.parent))
        owner.saved_path = str(target)
        owner.update_shown()
        self.remember_layout()
        owner.saved.emit(str(target))
        return True

    def _export(self, target: Path) -> None:
        """The document shown, as a Word document or web page (same choices, same date)."""
        from desktop_app.services.exporting import export_document
        choice = self.dialog.built_choice
        assert choice is not None
        export_document(self.dialog.db, choice.kind, choice.committee, target,
                        meeting=choice.meeting, as_at=choice.as_at, public=choice.public,
                        today=app_state.today(), extra_columns=choice.extra_columns,
                        options=choice.layout)

    def can_use(self) -> bool:
        """Is the document shown the one the options describe (so Save / Print may use it)?"""
        owner = self.dialog
        return (bool(owner.built_path) and not owner.building_now()
                and owner.built_choice == owner.options.choice())

    # ================================================================== printing
    def print_document(self) -> QPrintDialog | None:
        """Ask for a printer (``self.printer_dialog``, window-modal), then print."""
        if not self.can_use():
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.dialog.default_file_name()).stem)
        printer.setFromTo(0, 0)
        dialog = QPrintDialog(printer, self.dialog)
        dialog.setObjectName("printerDialog")
        dialog.setMinMax(1, max(1, self.dialog.built_pages))
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
        if not self.can_use():
            return None
        owner = self.dialog
        self._printer = printer
        path = owner.built_path
        pages = owner.built_pages

        def work(ctx) -> int:
            return print_pdf(path, printer, progress=ctx.progress,
                             cancelled=lambda: ctx.cancelled)

        def done(count: int) -> None:
            if owner.closed:
                owner.tidy_if_closed()
                return
            where = printer.outputFileName()
            owner.status_label.setText(
                f"Printed {count} page{'s' if count != 1 else ''}"
                + (f" to {where}" if where else f" on {printer.printerName() or 'the printer'}"))
            self.remember_layout()
            self.update_buttons()

        def failed(exc: BaseException) -> None:
            if not owner.closed:
                self.update_buttons()
                show_error(owner, f"Could not print: {first_line(exc)}", "Cannot print")
            owner.tidy_if_closed()

        def cancelled() -> None:
            if not owner.closed:
                owner.status_label.setText("Printing cancelled.")
                self.update_buttons()
            owner.tidy_if_closed()

        self.print_job = owner.start(work, on_done=done, on_error=failed, on_cancel=cancelled,
                                     title="Printing",
                                     label=f"Printing {pages} page{'s' if pages != 1 else ''}"
                                           "\u2026")
        self.update_buttons()
        return self.print_job

    # ================================================================== the layout choices
    def remember_layout(self) -> None:
        """Save the layout choices of the document shown for its committee (done when it is
        saved or printed); a failure to save them is said on the status line."""
        owner = self.dialog
        choice = owner.built_choice
        if choice is None:
            return
        from desktop_app.services.print_options import save_print_options
        try:
            save_print_options(owner.db, choice.committee, choice.layout)
        except Exception as exc:  # noqa: BLE001 - the document is out; say why not remembered
            log.warning("could not save the print options: %s", exc)
            owner.status_label.setText(f"{owner.status_label.text()} (layout not remembered: "
                                       f"{first_line(exc)})")
            return
        owner.options.layout_saved(choice.committee, choice.layout)

    def follow(self, kind: str | None) -> None:
        """The formats the chosen document can be saved in, and the Save button's words."""
        if kind:
            self.formats.follow(kind)
        self.dialog.save_button.setText(f"&Save as {self.formats.chosen().words}\u2026")

    def update_buttons(self) -> None:
        ok = self.can_use() and not self.printing()
        self.dialog.save_button.setEnabled(ok)
        self.dialog.print_button.setEnabled(ok)


def remove_file(path: str | None) -> None:
    """Delete a temporary file if there is one (a preview replaced, a build cancelled)."""
    if path:
        with contextlib.suppress(OSError):
            os.unlink(path)
