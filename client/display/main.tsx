import { mount } from '../ui/mount.tsx';
import { DisplayApp } from './DisplayApp.tsx';
import './display.css';

mount('display', (conn) => <DisplayApp conn={conn} />);
