// The copy buttons of "cite": the citation's text is already on the page (a textarea inside
// <details>), so without this script a reader selects and copies it by hand.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const box = button.closest(".cite-box");
  const area = box.querySelector(".cite-" + button.dataset.target);
  let copied = false;
  try {
    await navigator.clipboard.writeText(area.value);
    copied = true;
  } catch (error) {
    area.select();
    copied = document.execCommand("copy");
  }
  box.querySelector(".copied").textContent = copied ? "copied" : "select the text and copy it";
});
