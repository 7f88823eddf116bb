//! Timers and abort listeners that clean up after themselves when dropped, and a sleep that
//! an `AbortSignal` interrupts. Bound to the global `setTimeout`, so they work in windows,
//! workers and Node.

use js_sys::{Function, Promise};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);
}

/// A pending `setTimeout`, cleared on drop.
pub struct Timer {
    handle: JsValue,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    /// Calls `f` after `ms` milliseconds unless dropped first.
    pub fn start(ms: f64, f: impl FnMut() + 'static) -> Timer {
        let callback = Closure::<dyn FnMut()>::new(f);
        let handle = set_timeout(callback.as_ref().unchecked_ref(), ms);
        Timer {
            handle,
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(&self.handle);
    }
}

/// An `abort` listener on a signal, removed on drop.
pub struct AbortListener {
    signal: AbortSignal,
    callback: Closure<dyn FnMut()>,
}

impl AbortListener {
    /// Calls `f` when `signal` aborts, unless dropped first.
    pub fn new(signal: &AbortSignal, f: impl FnMut() + 'static) -> AbortListener {
        let callback = Closure::<dyn FnMut()>::new(f);
        let _ = signal.add_event_listener_with_callback("abort", callback.as_ref().unchecked_ref());
        AbortListener {
            signal: signal.clone(),
            callback,
        }
    }
}

impl Drop for AbortListener {
    fn drop(&mut self) {
        let _ = self
            .signal
            .remove_event_listener_with_callback("abort", self.callback.as_ref().unchecked_ref());
    }
}

/// Waits `ms` milliseconds; `Err(())` as soon as any of `signals` aborts (or if one already has).
pub async fn sleep(ms: f64, signals: &[&AbortSignal]) -> Result<(), ()> {
    if signals.iter().any(|s| s.aborted()) {
        return Err(());
    }
    let mut resolve = None;
    let mut reject = None;
    let promise = Promise::new(&mut |res, rej| {
        resolve = Some(res);
        reject = Some(rej);
    });
    let (Some(resolve), Some(reject)) = (resolve, reject) else {
        return Ok(());
    };
    let _timer = Timer::start(ms, move || {
        let _ = resolve.call0(&JsValue::UNDEFINED);
    });
    let _listeners: Vec<AbortListener> = signals
        .iter()
        .map(|s| {
            let reject = reject.clone();
            AbortListener::new(s, move || {
                let _ = reject.call0(&JsValue::UNDEFINED);
            })
        })
        .collect();
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

/// A flag shared with a callback.
pub type Flag = Rc<Cell<bool>>;
