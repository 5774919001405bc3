"""WeasyPrint for the bundle: its data files (default stylesheets), nothing else.

The hook that comes with PyInstaller also looks for WeasyPrint's libraries with
``ctypes.util.find_library`` (which misses them on Debian, hence its warning that
"libraries were not found") and copies the build machine's ``/etc/fonts``. The spec names
the libraries itself (``bundling.WEASYPRINT_LIBRARIES``), and the PDFs must use only our
fonts, so this hook takes its place.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("weasyprint")
