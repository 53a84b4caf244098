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


def menus_after_login(url, login, app_menu_id, screenshot, expected_sections):
    """Log in, open the Sales MIS app; return (top menus, the app's section menus) once the
    expected sections show (or what shows after a minute)."""
    from selenium.webdriver.common.by import By
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait
    driver = browser()
    try:
        driver.get(url + '/web/login')
        driver.find_element(By.NAME, 'login').send_keys(login)
        driver.find_element(By.NAME, 'password').send_keys(login)
        driver.find_element(By.CSS_SELECTOR, 'button[type=submit]').click()
        wait = WebDriverWait(driver, 60)
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, '.oe_application_menu_placeholder .oe_menu_text')))
        top = texts(driver, '.oe_application_menu_placeholder .oe_menu_text')
        driver.get('%s/web#menu_id=%d' % (url, app_menu_id))
        # one .oe_secondary_menu per app; only the open app's is displayed
        visible = lambda d: texts(d, '.oe_secondary_menu .oe_menu_text', visible_only=True)
        try:
            wait.until(lambda d: expected_sections <= set(visible(d)))
        except TimeoutException:
            pass  # the caller's assertion shows what was there
        sections = visible(driver)
        # the app opens its first entry, the sales plans
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, '.o_list_view, .oe_view_nocontent, .o_view_nocontent')))
        os.makedirs(SHOTS, exist_ok=True)
        driver.save_screenshot(os.path.join(SHOTS, screenshot))
        return top, sections
    finally:
        driver.quit()


def texts(driver, selector, visible_only=False):
    from selenium.webdriver.common.by import By
    elements = driver.find_elements(By.CSS_SELECTOR, selector)
    return [e.get_attribute('textContent').strip() for e in elements
            if e.get_attribute('textContent').strip() and (e.is_displayed() or not visible_only)]


def test_salesperson_sees_sales_mis_in_english_and_chinese(server):
    admin = server.login('admin', 'admin')
    salesperson = admin('res.users', 'search', [('login', '=', 'salesperson')])[0]
    app = admin('ir.model.data', 'xmlid_to_res_id', 'sales_mis.menu_sales_mis_root')
    admin('res.users', 'write', [salesperson], {'lang': 'en_US'})
    english = {'Sales Plans', 'Targets', 'Opportunities', 'Customers', 'Quotations', 'Sales Orders',
               'Plan Completion'}
    top, sections = menus_after_login(server.url, 'salesperson', app, 'salesperson-en.png', english)
    assert 'Sales MIS' in top, top
    assert english <= set(sections), sections
    assert 'Sales Teams' not in sections, 'configuration is for managers'
    admin('res.users', 'write', [salesperson], {'lang': 'zh_CN'})
    try:
        chinese = {'销售计划', '指标', '商机', '客户', '报价单', '销售订单', '计划完成情况'}
        top, sections = menus_after_login(server.url, 'salesperson', app, 'salesperson-zh_CN.png', chinese)
        assert '销售管理' in top, top
        assert chinese <= set(sections), sections
    finally:
        admin('res.users', 'write', [salesperson], {'lang': 'en_US'})
