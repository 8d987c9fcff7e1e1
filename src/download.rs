//! Offers bytes to the reader as a file download (CSV, JSON), without a server round trip.

use wasm_bindgen::JsCast;

/// Starts a download of `bytes` named `file_name`.
pub fn offer(file_name: &str, mime: &str, bytes: &[u8]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    offer_url(&document, &url, file_name);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Starts a download of what `url` (an object or data URL) holds, named `file_name`.
pub fn offer_url(document: &web_sys::Document, url: &str, file_name: &str) {
    if let Ok(a) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(url);
        a.set_download(file_name);
        a.click();
    }
}
