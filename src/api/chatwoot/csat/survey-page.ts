import type { Static } from 'typebox';
import type { SurveySchema } from './csat.schema.ts';

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/**
 * The page Chatwoot's survey link opens: five ratings and a feedback box, answered through the public
 * `PUT /public/api/v1/csat_survey/:uuid`. Self-contained (no bundle), so the strict CSP above holds.
 */
export function surveyPage(conversationUuid: string, survey: Static<typeof SurveySchema>): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rate your conversation</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2937}
.ratings{display:flex;gap:.5rem;margin:1rem 0}.ratings button{font-size:2rem;background:none;border:2px solid #e5e7eb;border-radius:.5rem;padding:.25rem .5rem;cursor:pointer}
.ratings button[aria-pressed=true]{border-color:#2563eb}textarea{width:100%;min-height:5rem}#status{margin-top:1rem}
</style></head>
<body><h1>How was your conversation?</h1>
<div class="ratings" role="group" aria-label="Rating"></div>
<label for="feedback">Tell us more (optional)</label><textarea id="feedback"></textarea>
<p><button id="send" type="button" disabled>Send</button></p><p id="status" role="status"></p>
<script>
const survey = ${scriptJson(survey)};
const url = '/public/api/v1/csat_survey/' + ${scriptJson(encodeURIComponent(conversationUuid))};
const faces = ['😞', '😑', '😐', '😀', '😍'];
let rating = survey.csat_survey_response ? survey.csat_survey_response.rating : 0;
const group = document.querySelector('.ratings');
const send = document.getElementById('send');
const feedback = document.getElementById('feedback');
const status = document.getElementById('status');
if (survey.csat_survey_response) feedback.value = survey.csat_survey_response.feedback_message || '';
faces.forEach((face, i) => {
  const b = document.createElement('button');
  b.type = 'button'; b.textContent = face; b.setAttribute('aria-label', 'Rating ' + (i + 1));
  b.onclick = () => { rating = i + 1; render(); };
  group.appendChild(b);
});
function render() {
  [...group.children].forEach((b, i) => b.setAttribute('aria-pressed', String(i + 1 === rating)));
  send.disabled = !rating;
}
send.onclick = async () => {
  send.disabled = true;
  const res = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: { submitted_values: { csat_survey_response: { rating, feedback_message: feedback.value } } } }) });
  status.textContent = res.ok ? 'Thank you for your feedback.' : 'Your answer could not be saved.';
  send.disabled = false;
};
render();
</script></body></html>`;
}
