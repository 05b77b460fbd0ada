/** Implementation details of the OkHttp transport; not API, not exported. */
package dev.wasdk.okhttp.internal;
