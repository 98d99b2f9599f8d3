// "Detain goods with a receipt": the officer lists the goods customs keeps (description, quantity, reason in words the
// traveller reads), records them (a form post with an anti-forgery token), and prints the receipt PDF. Closing the
// case as "goods detained" is refused by the service until the goods are recorded. Its words are kept here, in
// both languages, next to the form.
import { lang } from "/console/i18n.js";
import { el } from "/console/shell.js";

const TEXT = {
  en: {
    title: "Detained goods", description: "Goods", quantity: "Quantity", reason: "Reason (printed for the traveller)",
    add: "Add another article", submit: "Record detained goods", done: "Detained goods recorded: {n} article(s).",
    receipt: "Detained-goods receipt (PDF)", article: "Article {i}",
  },
  ja: {
    title: "留置物品", description: "品名", quantity: "数量", reason: "留置の理由（旅客向けに印字）",
    add: "物品を追加", submit: "留置物品を記録", done: "留置物品を記録しました（{n}点）。",
    receipt: "留置物品預り証（PDF）", article: "物品 {i}",
  },
};
const tx = (key, vars = {}) => (TEXT[lang] ?? TEXT.en)[key].replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));

function articleRow(i) {
  const row = el("fieldset", { className: "row article" }, el("legend", { className: "visually-hidden" }, tx("article", { i })),
    el("label", {}, tx("description"), el("input", { name: "description", required: true, maxLength: 200, id: `detain-description-${i}` })),
    el("label", {}, tx("quantity"), el("input", { name: "quantity", required: true, inputMode: "numeric", pattern: "[0-9]+", size: 4, value: "1", id: `detain-quantity-${i}` })),
    el("label", {}, tx("reason"), el("input", { name: "reason", required: true, maxLength: 200, id: `detain-reason-${i}` })));
  return row;
}

export function detainForm(caseNumber, announce) {
  const articles = el("div", { className: "articles" }, articleRow(1));
  const error = el("span", { className: "error", role: "alert" });
  const receipt = el("a", { href: `/api/cases/${caseNumber}/detained-goods-receipt.pdf`, id: "detained-receipt", target: "_blank" }, tx("receipt"));
  const form = el("form", { id: "detain" }, articles,
    el("p", { className: "row" },
      el("button", { type: "button", className: "secondary", id: "detain-add", onclick: () => articles.append(articleRow(articles.children.length + 1)) }, tx("add")),
      el("button", { type: "submit", id: "detain-submit" }, tx("submit")), error),
    el("p", {}, receipt));
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    error.textContent = "";
    const fields = new URLSearchParams();
    for (const input of form.querySelectorAll("input[name]")) fields.append(input.name, input.value);
    try {
      const answer = await staff.post(`/api/cases/${caseNumber}/detained-goods`, fields);
      announce(tx("done", { n: answer.articles }));
      error.textContent = "";
      form.querySelector("#detain-submit").disabled = true;
      receipt.focus();
    } catch (err) { error.textContent = err.message; }
  });
  // Folded by default: most cases detain nothing, and the case view should stay readable at a glance.
  return el("details", { id: "detain-box" }, el("summary", {}, el("strong", {}, tx("title"))), form);
}
