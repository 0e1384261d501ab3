package dev.taxiscale.gateway.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web app's page as a user sees it: tabs, forms, the map and what they show. */
final class MapPage {
  /** Long enough for a query on a busy two-core machine; waits end as soon as the page is ready. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final WebDriver driver;
  private final WebDriverWait wait;

  private MapPage(WebDriver driver) {
    this.driver = driver;
    // results are redrawn whole, so an element found a moment ago may be gone: look again
    this.wait = new WebDriverWait(driver, PATIENCE);
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Loads the page without map tiles (the tests have no network) and waits until it is wired. */
  static MapPage open(WebDriver driver, String baseUrl) {
    return open(driver, baseUrl, "none");
  }

  /** Loads the page with tiles from this URL template and waits until it is wired. */
  static MapPage open(WebDriver driver, String baseUrl, String tileUrl) {
    driver.get(baseUrl + "/?tiles=" + URLEncoder.encode(tileUrl, StandardCharsets.UTF_8));
    MapPage page = new MapPage(driver);
    page.wait.until(
        d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    return page;
  }

  MapPage tab(String name) {
    driver.findElement(By.id("tab-" + name)).click();
    return this;
  }

  /** Replaces the value of a text or number input, as typing would. */
  MapPage type(String inputId, String value) {
    WebElement input = driver.findElement(By.id(inputId));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(value);
    return this;
  }

  MapPage select(String selectId, String visibleText) {
    new Select(driver.findElement(By.id(selectId))).selectByVisibleText(visibleText);
    return this;
  }

  /** Presses the form's submit button. */
  MapPage submit(String form) {
    driver.findElement(By.cssSelector("#" + form + "-form button[type=submit]")).click();
    return this;
  }

  MapPage click(String buttonId) {
    driver.findElement(By.id(buttonId)).click();
    return this;
  }

  /** Clicks the button that shows this text. */
  MapPage clickButton(String text) {
    driver.findElement(By.xpath("//button[normalize-space()='" + text + "']")).click();
    return this;
  }

  /**
   * Presses the mouse at one point of the map and releases it at another, offsets from its center.
   */
  MapPage dragOnMap(int fromRight, int fromDown, int toRight, int toDown) {
    new Actions(driver)
        .moveToElement(element("map"), fromRight, fromDown)
        .clickAndHold()
        .moveByOffset((toRight - fromRight) / 2, (toDown - fromDown) / 2)
        .moveByOffset(
            toRight - fromRight - (toRight - fromRight) / 2,
            toDown - fromDown - (toDown - fromDown) / 2)
        .release()
        .perform();
    return this;
  }

  /** Clicks the map this many pixels right of and below its center. */
  MapPage clickMap(int right, int down) {
    new Actions(driver).moveToElement(element("map"), right, down).click().perform();
    return this;
  }

  /** Waits until the element shows text and returns it. */
  String awaitText(String id) {
    return wait.until(
        d -> {
          List<WebElement> found = d.findElements(By.id(id));
          String text = found.isEmpty() ? "" : found.get(0).getText();
          return text.isBlank() ? null : text;
        });
  }

  /** Waits until the element's text differs from {@code before} and returns it. */
  String awaitTextOtherThan(String id, String before) {
    return wait.until(
        d -> {
          String text = d.findElement(By.id(id)).getText();
          return text.isBlank() || text.equals(before) ? null : text;
        });
  }

  /** Waits until the element's text is exactly {@code expected}. */
  void awaitTextToBe(String id, String expected) {
    wait.until(ExpectedConditions.textToBe(By.id(id), expected));
  }

  /** Waits until at least one element matches and returns all that do. */
  List<WebElement> awaitAll(String cssSelector) {
    return wait.until(
        ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(cssSelector), 0));
  }

  List<WebElement> all(String cssSelector) {
    return driver.findElements(By.cssSelector(cssSelector));
  }

  WebElement element(String id) {
    return driver.findElement(By.id(id));
  }

  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** Runs a script in the page and returns its result. */
  Object script(String javascript) {
    return ((JavascriptExecutor) driver).executeScript(javascript);
  }
}
