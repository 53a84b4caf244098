"""A salesperson logs in with headless Chromium and sees the Sales MIS menu,
in English and in 简体中文 (screenshots in .runtime/screenshots/)."""
import os
import shutil

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(not (shutil.which('chromium') and shutil.which('chromedriver')),
                                reason='Debian chromium and chromium-driver are needed (bin/setup installs them)')
SHOTS = os.path.join(ROOT, '.runtime', 'screenshots')


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which('chromium')
    for argument in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                     '--disable-background-networking', '--disable-component-update', '--disable-sync',
                     '--disable-dev-shm-usage', '--window-size=1280,800'):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which('chromedriver')), options=options)


def top_menu_after_login(url, login, screenshot):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait
    driver = browser()
    try:
        driver.get(url + '/web/login')
        driver.find_element(By.NAME, 'login').send_keys(login)
        driver.find_element(By.NAME, 'password').send_keys(login)
        driver.find_element(By.CSS_SELECTOR, 'button[type=submit]').click()
        WebDriverWait(driver, 60).until(ec.presence_of_element_located((By.CSS_SELECTOR, '.o_menu_sections, .oe_menu_text')))
        menus = [e.get_attribute('textContent').strip() for e in driver.find_elements(By.CSS_SELECTOR, '.oe_menu_text')]
        os.makedirs(SHOTS, exist_ok=True)
        driver.save_screenshot(os.path.join(SHOTS, screenshot))
        return [m for m in menus if m]
    finally:
        driver.quit()


def test_salesperson_sees_sales_mis_in_english_and_chinese(server):
    admin = server.login('admin', 'admin')
    salesperson = admin('res.users', 'search', [('login', '=', 'salesperson')])[0]
    admin('res.users', 'write', [salesperson], {'lang': 'en_US'})
    menus = top_menu_after_login(server.url, 'salesperson', 'salesperson-en.png')
    assert 'Sales MIS' in menus, menus
    admin('res.users', 'write', [salesperson], {'lang': 'zh_CN'})
    try:
        menus = top_menu_after_login(server.url, 'salesperson', 'salesperson-zh_CN.png')
        assert '销售管理' in menus, menus
    finally:
        admin('res.users', 'write', [salesperson], {'lang': 'en_US'})
