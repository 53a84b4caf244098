"""The one browser stack of the tests: Playwright's Python package driving Debian's
/usr/bin/chromium (`executable_path`: nothing is downloaded, `playwright install` is never
needed).  Used by the browser flows (tests/browser), the smoke test
(tests/test_browser_smoke.py) and the acceptance walkthrough (tests/acceptance)."""
import os
import shutil

CHROMIUM = os.environ.get('SALES_MIS_CHROMIUM') or shutil.which('chromium') or '/usr/bin/chromium'
ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync']
MISSING = 'playwright (config/requirements.txt) and Debian chromium (bin/setup) are needed'

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - bin/setup installs it
    sync_playwright = None


def available():
    return sync_playwright is not None and os.path.exists(CHROMIUM)


def launch(playwright):
    """Headless Chromium of `playwright` (a sync_playwright() context)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
