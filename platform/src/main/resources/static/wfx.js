// Progressive enhancement only: every page works without this file.
import { initAll } from '/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled')
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported')
}
initAll()

// The timeout warning (layout.html): a signed-in page warns before its session ends unused, so nobody loses a form
// they were filling in. Five minutes before the end (or half-way, for a short session), a modal dialog says when;
// "Stay signed in" uses the session, which keeps it open; at the end the page goes to the signed-out page, which
// says why. Without JavaScript the session ends just the same and the next page asks the person to sign in.
const timeout = document.getElementById('wfx-timeout')
if (timeout && typeof timeout.showModal === 'function') {
  const idle = Number(timeout.dataset.idleSeconds) * 1000
  const warnBefore = Math.min(5 * 60 * 1000, idle / 2)
  const countdown = timeout.querySelector('.wfx-timeout__countdown')
  let warnAt, endAt, ticking
  const words = (ms) => {
    const minutes = Math.ceil(ms / 60000)
    if (ms > 60000) return minutes + ' minutes'
    const seconds = Math.max(0, Math.ceil(ms / 1000))
    return seconds === 1 ? '1 second' : seconds + ' seconds'
  }
  const tick = () => {
    const left = endAt - Date.now()
    if (left <= 0) {
      window.location.assign('/signed-out?reason=timeout')
      return
    }
    if (!timeout.open && Date.now() >= warnAt) {
      countdown.textContent = words(left)
      timeout.showModal()
    } else if (timeout.open) {
      countdown.textContent = words(left)
    }
  }
  const restart = () => {
    const now = Date.now()
    warnAt = now + idle - warnBefore
    endAt = now + idle
    clearInterval(ticking)
    ticking = setInterval(tick, 1000)
  }
  timeout.querySelector('.wfx-timeout__stay').addEventListener('click', () => {
    fetch('/session/keep-alive', { credentials: 'same-origin' }).then((answer) => {
      if (answer.ok) {
        timeout.close()
        restart()
      } else {
        window.location.assign('/signed-out?reason=timeout')
      }
    })
  })
  // Escape closes a dialog without a choice; here it means "stay signed in", as the person is plainly there
  timeout.addEventListener('cancel', (event) => {
    event.preventDefault()
    timeout.querySelector('.wfx-timeout__stay').click()
  })
  restart()
}
