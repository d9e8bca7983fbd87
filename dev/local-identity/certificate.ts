// A self-signed TLS certificate for the local identity provider. MSAL refuses an authority that is
// not https (msal-common UrlString.validateAsUri: "authority_uri_insecure"), so the stand-in for
// Entra must speak TLS even on 127.0.0.1. Made fresh at every start: nothing to keep or leak.
import selfsigned from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

export async function selfSignedCertificate(hostname = '127.0.0.1'): Promise<Certificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 30 * 24 * 3600_000);
  const pems = await selfsigned.generate([{ name: 'commonName', value: hostname }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
